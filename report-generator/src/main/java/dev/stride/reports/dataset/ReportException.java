package dev.stride.reports.dataset;

/**
 * A report that could not be made. Permanent ones (unknown batch, missing config, unknown dataset) fail a job at once;
 * others (a timeout, an unreadable row) are retried up to the attempt limit.
 */
public class ReportException extends RuntimeException {

    private final boolean permanent;

    public ReportException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static ReportException permanent(String message) {
        return new ReportException(message, true, null);
    }

    public static ReportException transientFailure(String message, Throwable cause) {
        return new ReportException(message, false, cause);
    }

    public boolean permanent() {
        return permanent;
    }
}
