package dev.stride.groupprogress.jobrequest;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job request as Sunbird's job API shows it (times in epoch milliseconds, as Sunbird's clients read them);
 * {@code downloadUrls} are relative to this service.
 */
public record JobView(String requestId, String tag, String dataset, String status, String statusMessage,
                      Map<String, String> datasetConfig, List<String> downloadUrls, String requestedBy, int attempts,
                      Long lastUpdated, @JsonProperty("output_format") String outputFormat, JobStats jobStats) {

    public record JobStats(Long dtJobSubmitted, Long dtJobCompleted, Long executionTime) {
    }

    public static JobView of(JobRequest j) {
        Long execution = j.startedAt() == null || j.finishedAt() == null ? null
                : Duration.between(j.startedAt(), j.finishedAt()).toMillis();
        return new JobView(j.requestId(), j.tag(), j.dataset(), j.status(), j.statusMessage(),
                j.datasetConfig() == null ? Map.of() : j.datasetConfig(),
                j.downloadUrls() == null ? List.of() : j.downloadUrls(), j.requestedBy(), j.attempts(),
                millis(j.lastUpdated()), j.outputFormat(),
                new JobStats(millis(j.submittedAt()), millis(j.finishedAt()), execution));
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
