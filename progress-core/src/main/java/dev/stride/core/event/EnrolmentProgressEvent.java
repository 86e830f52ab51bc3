package dev.stride.core.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stride.core.ids.Ids;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Topic {@link Topics#ENROLMENT_PROGRESS}, key {@code tenant|user|course|batch}: an enrolment's aggregates after a
 * change, emitted by the progress aggregator.
 *
 * <p>{@code version} grows by one per emitted change of the enrolment and {@code eventId} is derived from it, so a
 * re-emission after a crash repeats the same id and version: consumers drop an id they saw, or keep the highest version.
 *
 * @param version         1, 2, ... per enrolment
 * @param status          0 not started, 1 in progress, 2 completed (every required leaf completed)
 * @param completedCount  completed required leaves (Sunbird's enrolment {@code progress})
 * @param leafNodesCount  required leaves of the course
 * @param completedOn     the first completion, kept when a course change drops the enrolment below 100 %
 * @param unitCompletion  unit id → completion percentage
 * @param bestScores      assessment content id → best counted score
 * @param timeSpentSeconds time on task: content durations from progressdetails plus answered-question durations
 */
public record EnrolmentProgressEvent(int schemaVersion, String eventId, String tenantId, Instant eventTime,
                                     Instant ingestTime, String userId, String courseId, String batchId, long version,
                                     int status, int completedCount, int leafNodesCount, double completionPercentage,
                                     Instant completedOn, Instant lastAccessTime, String lastReadContentId,
                                     Integer lastReadContentStatus, Map<String, Integer> contentStatus,
                                     Map<String, Double> unitCompletion, Map<String, Double> bestScores,
                                     double totalScore, long timeSpentSeconds,
                                     @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements StrideEvent {

    public static final int SCHEMA_VERSION = 1;

    public EnrolmentProgressEvent {
        contentStatus = sorted(contentStatus);
        unitCompletion = sorted(unitCompletion);
        bestScores = sorted(bestScores);
        extra = Extra.copy(extra);
    }

    /** {@code nameBased(topic, tenant, user, course, batch, version)}: the same change always has the same id. */
    public static String eventId(String tenantId, String userId, String courseId, String batchId, long version) {
        return Ids.nameBased(Topics.ENROLMENT_PROGRESS, tenantId, userId, courseId, batchId, Long.toString(version));
    }

    @Override
    @JsonIgnore
    public String topic() {
        return Topics.ENROLMENT_PROGRESS;
    }

    @Override
    @JsonIgnore
    public String key() {
        return EventKeys.enrolmentKey(tenantId, userId, courseId, batchId);
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null || m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
