package dev.stride.reports.jobs;

import java.time.Instant;
import java.util.Map;

/** One job_requests row as the generator needs it. {@code attempts} is null when the API wrote none (read as 0). */
public record JobRequest(String tenant, String tag, String requestId, String dataset, Map<String, String> config,
                         String status, Integer attempts, String claimedBy, String outputFormat, Instant submittedAt,
                         Instant startedAt, Instant lastUpdated, String statusMessage) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String PROCESSING = "PROCESSING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    public JobRequest {
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public int attemptsSoFar() {
        return attempts == null ? 0 : attempts;
    }
}
