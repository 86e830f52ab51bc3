package dev.stride.core.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stride.core.ids.Ids;

import java.time.Instant;
import java.util.Map;

/**
 * Topic {@link Topics#COURSE_COMPLETED}, key {@code tenant|user|course|batch}: an enrolment completed its course for the
 * first time (certificates, notifications). Emitted once per enrolment; {@code eventId} depends only on the enrolment,
 * so a re-emission after a crash is a duplicate that consumers drop by id.
 *
 * @param completedOn    when the last required content was completed
 * @param leafNodesCount required leaves of the course at completion
 */
public record CourseCompletedEvent(int schemaVersion, String eventId, String tenantId, Instant eventTime,
                                   Instant ingestTime, String userId, String courseId, String batchId,
                                   Instant completedOn, int leafNodesCount, double totalScore,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements StrideEvent {

    public static final int SCHEMA_VERSION = 1;

    public CourseCompletedEvent {
        extra = Extra.copy(extra);
    }

    public static String eventId(String tenantId, String userId, String courseId, String batchId) {
        return Ids.nameBased(Topics.COURSE_COMPLETED, tenantId, userId, courseId, batchId);
    }

    @Override
    @JsonIgnore
    public String topic() {
        return Topics.COURSE_COMPLETED;
    }

    @Override
    @JsonIgnore
    public String key() {
        return EventKeys.enrolmentKey(tenantId, userId, courseId, batchId);
    }
}
