package dev.stride.groupprogress.config;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The driver's async API as Reactor types: nothing here blocks the calling thread. */
public final class Cql {

    private Cql() {
    }

    public static Mono<Void> execute(CqlSession session, Statement<?> statement) {
        return Mono.fromCompletionStage(() -> session.executeAsync(statement)).then();
    }

    public static Mono<Row> one(CqlSession session, Statement<?> statement) {
        return Mono.fromCompletionStage(() -> session.executeAsync(statement)).mapNotNull(AsyncResultSet::one);
    }

    /** Every row, following the driver's pages. */
    public static Flux<Row> rows(CqlSession session, Statement<?> statement) {
        return Mono.fromCompletionStage(() -> session.executeAsync(statement))
                .expand(rs -> rs.hasMorePages() ? Mono.fromCompletionStage(rs.fetchNextPage()) : Mono.empty())
                .flatMapIterable(AsyncResultSet::currentPage);
    }
}
