package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.event.ContentStateEvent;

import java.time.Instant;
import java.util.List;

/**
 * What the aggregator takes from one content-state event: the enrolment, the event's times, the contents as
 * one-request states and the attempts as stored (a missing assessmentTs already replaced by the event time).
 */
record EnrolmentInput(String tenantId, String userId, String courseId, String batchId, Instant eventTime,
                      Instant ingestTime, List<ContentState> contents, List<StoredAttempt> attempts) {

    /** From a fully read event (the JSON fallback of {@link ContentStateReader}, tests). */
    static EnrolmentInput of(ContentStateEvent event) {
        List<ContentState> contents = event.contents().stream().map(c -> new ContentState(c.contentId(), c.status(),
                c.progress(), c.viewCount(), c.completedCount(), c.lastAccessTime(), c.lastCompletedTime(),
                c.progressDetails())).toList();
        Instant fallbackTs = event.eventTime() != null ? event.eventTime() : event.ingestTime();
        List<StoredAttempt> attempts = event.assessments().stream().map(a -> StoredAttempt.of(a, fallbackTs)).toList();
        return new EnrolmentInput(event.tenantId(), event.userId(), event.courseId(), event.batchId(),
                event.eventTime(), event.ingestTime(), contents, attempts);
    }

    /** The ingest time, or the event time when the event has none: the input's "updated at". */
    Instant inputTime() {
        return ingestTime != null ? ingestTime : eventTime;
    }
}
