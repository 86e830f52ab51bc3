package dev.stride.reports.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.stride.reports.dataset.ReportException;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Streams the rows of a (possibly huge) query page by page with the driver's paging state. The next page is
 * requested before the current one is handed out, so Cassandra reads page n+1 while the caller writes page n: at most
 * two pages are ever in memory.
 */
public final class Pages {

    /** Receives rows; may throw (an I/O error of the output ends the scan). */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Row row) throws Exception;
    }

    private Pages() {
    }

    /** Feeds every row of {@code statement} to {@code consumer}, in order; returns the number of rows. */
    public static long forEach(CqlSession session, Statement<?> statement, RowConsumer consumer) throws Exception {
        AsyncResultSet page = await(session.executeAsync(statement));
        long count = 0;
        while (true) {
            CompletionStage<AsyncResultSet> next = page.hasMorePages() ? page.fetchNextPage() : null;
            for (Row row : page.currentPage()) {
                consumer.accept(row);
                count++;
            }
            if (next == null) {
                return count;
            }
            page = await(next);
        }
    }

    /** Receives whole pages; a page's rows may be read on another thread (once). */
    @FunctionalInterface
    public interface PageConsumer {
        void accept(Iterable<Row> page) throws Exception;
    }

    /** As {@link #forEach} a page at a time (the next page is already requested when the consumer gets one). */
    public static void forEachPage(CqlSession session, Statement<?> statement, PageConsumer consumer) throws Exception {
        AsyncResultSet page = await(session.executeAsync(statement));
        while (true) {
            CompletionStage<AsyncResultSet> next = page.hasMorePages() ? page.fetchNextPage() : null;
            consumer.accept(page.currentPage());
            if (next == null) {
                return;
            }
            page = await(next);
        }
    }

    /** Waits for a driver future; its failure becomes a (retryable) ReportException. */
    public static <T> T await(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ReportException.transientFailure("Cassandra read failed: " + cause, cause);
        }
    }
}
