package dev.stride.reports.progress;

import dev.stride.reports.dataset.ReportProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Progress as plain log lines (a service, a pipe, a CI log): rows, rows/s and ETA when the total is known, every interval. */
public final class LogProgress extends ReportProgress.Counting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogProgress.class);

    private final String label;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastLog = start;
    private long expected = -1;

    public LogProgress(String label, Duration interval) {
        this.label = label;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void expect(long rows) {
        this.expected = rows;
    }

    @Override
    public void rows(long delta) {
        super.rows(delta);
        long now = System.nanoTime();
        if (now - lastLog >= intervalNanos) {
            lastLog = now;
            LOG.info("{}: {}", label, line(total(), expected, (now - start) / 1e9));
        }
    }

    /** {@code 120000 rows, 51234 rows/s[, 35% , ETA 40 s]}. */
    static String line(long rows, long expected, double seconds) {
        double rate = seconds > 0 ? rows / seconds : 0;
        StringBuilder s = new StringBuilder().append(rows).append(" rows, ").append(Math.round(rate)).append(" rows/s");
        if (expected > 0 && rate > 0) {
            long left = Math.max(0, expected - rows);
            s.append(", ").append(Math.min(100, rows * 100 / expected)).append("%, ETA ")
                    .append(Math.round(left / rate)).append(" s");
        }
        return s.toString();
    }

    @Override
    public void close() {
        // the summary line is the caller's
    }
}
