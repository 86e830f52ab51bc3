package dev.stride.reports.publish;

import java.util.Locale;

/** What one report run produced, for the end-of-run summary line and the benchmark. */
public record ReportSummary(String dataset, String subject, String location, long rows, long bytes, double seconds,
                            String sha256, long peakHeapBytes) {

    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : rows;
    }

    /** {@code progress-exhaust b1: 1000000 rows, 512.3 MiB in 14.2 s (70423 rows/s), peak heap 92 MiB -> /path}. */
    public String line() {
        return String.format(Locale.ROOT, "%s %s: %d rows, %.1f MiB in %.1f s (%.0f rows/s), peak heap %d MiB of %d MiB,"
                + " sha256 %s -> %s", dataset, subject, rows, bytes / 1048576.0, seconds, rowsPerSecond(), peakHeapBytes >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                sha256 == null ? "-" : sha256.substring(0, 12) + "...", location);
    }

    /** The peak heap in use a progress saw (0 when it does not count), of the JVM's maximum heap. */
    public static long peakHeap(dev.stride.reports.dataset.ReportProgress progress) {
        return progress instanceof dev.stride.reports.dataset.ReportProgress.Counting c ? c.peakHeap() : 0;
    }
}
