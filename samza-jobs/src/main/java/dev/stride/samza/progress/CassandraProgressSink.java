package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.cql.BoundStatement;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Writes aggregates to Cassandra asynchronously, at most {@code maxInFlight} statements at a time per task (a course
 * change recomputing thousands of enrolments must not flood the driver): {@link #write} blocks the task's thread when
 * the bound is reached, which is the back-pressure Samza expects.
 */
public final class CassandraProgressSink implements ProgressSink {

    /** The production factory: the shared session of {@link AggregatorConfig}'s Cassandra. */
    public static final ProgressSinkFactory FACTORY = CassandraProgressSink::new;

    private final AggregatorConfig config;
    private final ProgressRows rows;
    private final Semaphore inFlight;

    private CassandraProgressSink(AggregatorConfig config) {
        this.config = config;
        this.rows = CassandraSessions.acquire(config);
        this.inFlight = new Semaphore(config.cassandraMaxInFlight());
    }

    @Override
    public CompletionStage<Void> write(EnrolmentAggregate aggregate) {
        List<BoundStatement> statements = rows.upserts(aggregate);
        CompletableFuture<?>[] writes = new CompletableFuture<?>[statements.size()];
        for (int i = 0; i < writes.length; i++) {
            inFlight.acquireUninterruptibly();
            writes[i] = rows.session().executeAsync(statements.get(i)).toCompletableFuture()
                    .whenComplete((rs, e) -> inFlight.release());
        }
        return CompletableFuture.allOf(writes);
    }

    @Override
    public void close() {
        inFlight.acquireUninterruptibly(config.cassandraMaxInFlight()); // drain: every started write has finished
        CassandraSessions.release(config);
    }
}
