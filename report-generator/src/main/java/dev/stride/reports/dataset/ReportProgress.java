package dev.stride.reports.dataset;

import java.util.concurrent.CancellationException;

/**
 * Told about rows as they are written; also the way a running report learns it must stop (a shutdown, a lost claim):
 * {@link #rows} throws {@link CancellationException} once {@link #cancel} was called.
 */
public interface ReportProgress {

    /** How many rows the report will have, when a dataset knows or can estimate it (for an ETA). */
    default void expect(long rows) {
    }

    /** {@code delta} more rows written. */
    void rows(long delta);

    void cancel();

    boolean cancelled();

    /** A progress that only counts and can be cancelled. */
    static ReportProgress counting() {
        return new Counting();
    }

    /** The base of every progress: a cancellation flag. */
    class Counting implements ReportProgress {
        private volatile boolean cancelled;
        private long total;

        @Override
        public void rows(long delta) {
            if (cancelled) {
                throw new CancellationException("report cancelled");
            }
            total += delta;
        }

        public long total() {
            return total;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
