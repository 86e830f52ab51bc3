package dev.stride.contentstate.content;

import dev.stride.core.event.ContentStateEvent;

import java.time.Instant;
import java.util.List;

/**
 * What an outbox row holds: enough to rebuild the request's event. The merged states are read when the event is
 * built (by the request, or later by the relay), so a republished event carries states at least as new.
 */
public record PendingEvent(String tenantId, String userId, String courseId, String batchId, String requestId,
                           List<String> contentIds, List<ContentStateEvent.Attempt> assessments, Instant eventTime,
                           Instant ingestTime) {

    public EnrolmentKey key() {
        return new EnrolmentKey(tenantId, userId, courseId, batchId);
    }

    public String eventId() {
        return ContentStateEvent.eventId(tenantId, userId, courseId, batchId, requestId);
    }
}
