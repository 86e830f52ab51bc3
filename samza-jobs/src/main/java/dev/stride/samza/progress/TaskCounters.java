package dev.stride.samza.progress;

import org.slf4j.Logger;

/**
 * Timing counters of one task, logged every {@link #PERIOD_NANOS} at INFO: what limits the job shows in its log
 * (input absorbed vs. rows written, time absorbing vs. time a flush's writes take) without a profiler.
 */
final class TaskCounters {

    static final long PERIOD_NANOS = 10_000_000_000L;

    private final String task;
    private long since = System.nanoTime();
    private long events;
    private long absorbNanos;
    private long flushes;
    private long rows;
    private long computeNanos;
    private long writeNanos;

    TaskCounters(String task) {
        this.task = task;
    }

    void absorbed(long nanos) {
        events++;
        absorbNanos += nanos;
    }

    void flushStarted(int rowCount, long nanosComputing) {
        flushes++;
        rows += rowCount;
        computeNanos += nanosComputing;
    }

    void flushDurable(long nanosSinceStart) {
        writeNanos += nanosSinceStart;
    }

    void maybeLog(Logger log, int dirty, long inputLagMillis, long windowMillis) {
        long now = System.nanoTime();
        if (now - since < PERIOD_NANOS) {
            return;
        }
        double seconds = (now - since) / 1e9;
        log.info("{}: {} events/s absorbed ({} µs each), {} flushes writing {} rows/s (compute {} µs a row, "
                        + "writes durable after {} ms a flush), {} dirty, input lag {} ms, flush window {} ms", task,
                Math.round(events / seconds), events == 0 ? 0 : absorbNanos / events / 1000, flushes,
                Math.round(rows / seconds), rows == 0 ? 0 : computeNanos / rows / 1000,
                flushes == 0 ? 0 : writeNanos / flushes / 1_000_000, dirty, inputLagMillis, windowMillis);
        since = now;
        events = absorbNanos = flushes = rows = computeNanos = writeNanos = 0;
    }
}
