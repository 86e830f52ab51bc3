package dev.stride.reports.progress;

import dev.stride.reports.dataset.ReportProgress;

import java.time.Duration;

/** A progress bar when a person watches a terminal, plain log lines otherwise. */
public final class ProgressDisplays {

    private ProgressDisplays() {
    }

    /** Counting is inherited by both, so {@link ReportProgress.Counting#total()} and cancellation work either way. */
    public static ReportProgress.Counting forLabel(String label, boolean terminal) {
        return terminal ? new TerminalProgress(label) : new LogProgress(label, Duration.ofSeconds(5));
    }

    /** Whether stdout is a terminal (Java 17: a console exists only when stdin and stdout are both terminals). */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    /** Closes a display (ends the bar's line). */
    public static void close(ReportProgress progress) {
        if (progress instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a display never fails a report
            }
        }
    }
}
