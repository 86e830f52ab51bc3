package dev.stride.samza.progress;

import dev.stride.core.event.EnrolmentProgressEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the aggregator writes for one enrolment: the progress columns of user_enrolments and
 * enrolments_by_batch, and user_activity_agg's Sunbird-compatible maps (context {@code cb:<batchId>}).
 *
 * @param aggregates     completedCount, completionPercentage, score:&lt;id&gt;, max_score:&lt;id&gt;, attempts_count:&lt;id&gt;
 * @param aggLastUpdated per metric, when its value last changed
 * @param updatedAt      the latest input (event ingest or course change) behind this aggregate: replays write the same row
 */
public record EnrolmentAggregate(String tenantId, String userId, String courseId, String batchId, int status,
                                 int completedCount, int leafNodesCount, double completionPercentage,
                                 Instant completedOn, Instant lastAccessTime, String lastReadContentId,
                                 Integer lastReadContentStatus, Map<String, Integer> contentStatus,
                                 Map<String, Double> unitCompletion, Map<String, Double> bestScores, double totalScore,
                                 long timeSpentSeconds, Map<String, Double> aggregates,
                                 Map<String, Instant> aggLastUpdated, Instant updatedAt) {

    public static final String ACTIVITY_TYPE = "Course";

    public EnrolmentAggregate {
        contentStatus = sorted(contentStatus);
        unitCompletion = sorted(unitCompletion);
        bestScores = sorted(bestScores);
        aggregates = sorted(aggregates);
        aggLastUpdated = sorted(aggLastUpdated);
    }

    /** user_activity_agg's context_id of this enrolment. */
    public String contextId() {
        return "cb:" + batchId;
    }

    /** The aggregate without its times: equal values mean nothing to write or emit. */
    EnrolmentAggregate withoutTimes() {
        return new EnrolmentAggregate(tenantId, userId, courseId, batchId, status, completedCount, leafNodesCount,
                completionPercentage, completedOn, lastAccessTime, lastReadContentId, lastReadContentStatus,
                contentStatus, unitCompletion, bestScores, totalScore, timeSpentSeconds, aggregates, Map.of(), null);
    }

    /** The progress columns only (user_enrolments / enrolments_by_batch), without their updated time. */
    public EnrolmentAggregate withoutActivity() {
        return new EnrolmentAggregate(tenantId, userId, courseId, batchId, status, completedCount, leafNodesCount,
                completionPercentage, completedOn, lastAccessTime, lastReadContentId, lastReadContentStatus,
                contentStatus, unitCompletion, bestScores, totalScore, timeSpentSeconds, Map.of(), Map.of(), null);
    }

    EnrolmentProgressEvent toEvent(long version) {
        return new EnrolmentProgressEvent(EnrolmentProgressEvent.SCHEMA_VERSION,
                EnrolmentProgressEvent.eventId(tenantId, userId, courseId, batchId, version), tenantId,
                lastAccessTime != null ? lastAccessTime : updatedAt, updatedAt, userId, courseId, batchId, version,
                status, completedCount, leafNodesCount, completionPercentage, completedOn, lastAccessTime,
                lastReadContentId, lastReadContentStatus, contentStatus, unitCompletion, bestScores, totalScore,
                timeSpentSeconds, Map.of());
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
