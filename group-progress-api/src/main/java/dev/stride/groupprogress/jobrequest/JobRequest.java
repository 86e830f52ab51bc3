package dev.stride.groupprogress.jobrequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of job_requests: what was asked, by whom, and how far the report generator got with it. */
public record JobRequest(String tenant, String tag, String requestId, String dataset, Map<String, String> datasetConfig,
                         String status, String statusMessage, String requestedBy, String outputFormat, int attempts,
                         List<String> downloadUrls, Instant submittedAt, Instant startedAt, Instant finishedAt,
                         Instant lastUpdated) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String PROCESSING = "PROCESSING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    /** Waiting for or being run by a generator: a duplicate submit leaves it alone. */
    public boolean pending() {
        return SUBMITTED.equals(status) || PROCESSING.equals(status);
    }

    /** A new request, or a finished one reset for a fresh run. */
    public static JobRequest submitted(String tenant, String tag, String requestId, Dataset dataset,
                                       Map<String, String> datasetConfig, String requestedBy, String outputFormat,
                                       Instant now) {
        return new JobRequest(tenant, tag, requestId, dataset.id(), Map.copyOf(datasetConfig), SUBMITTED, null,
                requestedBy, outputFormat, 0, List.of(), now, null, null, now);
    }
}
