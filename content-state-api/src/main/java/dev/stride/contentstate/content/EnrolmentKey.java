package dev.stride.contentstate.content;

import dev.stride.core.event.EventKeys;

/** The partition key of a learner's state in one batch (and the Kafka key of its events). */
public record EnrolmentKey(String tenant, String userId, String courseId, String batchId) {

    public String kafkaKey() {
        return EventKeys.enrolmentKey(tenant, userId, courseId, batchId);
    }
}
