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

    /** The base of every progress: a row count, a cancellation flag and the peak heap in use seen at each report. */
    class Counting implements ReportProgress {
        private static final Runtime RUNTIME = Runtime.getRuntime();
        private volatile boolean cancelled;
        private long total;
        private long peakHeap;

        @Override
        public void rows(long delta) {
            if (cancelled) {
                throw new CancellationException("report cancelled");
            }
            total += delta;
            peakHeap = Math.max(peakHeap, RUNTIME.totalMemory() - RUNTIME.freeMemory());
        }

        public long total() {
            return total;
        }

        /** The most heap in use (live objects and not yet collected garbage) seen when rows were reported. */
        public long peakHeap() {
            return peakHeap;
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
