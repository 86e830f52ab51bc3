package dev.stride.contentstate.content;

import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.content.ContentStatus;
import dev.stride.core.content.ContentUpdate;
import dev.stride.core.ids.Ids;

import java.time.Clock;
import java.time.Instant;

/**
 * One accepted content update, stored as an immutable row of user_content_consumption. Its {@code requestId} is
 * derived from the update itself, so a redelivery rewrites the same row and distinct updates never collide.
 *
 * @param lastAccessTime as sent, or the request's arrival time when the client sent none
 */
public record Fact(String contentId, String requestId, int status, Integer progress, Instant lastAccessTime,
                   String progressDetails, Instant recordedAt) {

    public static Fact of(EnrolmentKey key, String contentId, int status, Integer progress, Instant sentAccessTime,
                          Instant receivedAt, String progressDetails) {
        String id = Ids.nameBased("content-fact", key.tenant(), key.userId(), key.courseId(), key.batchId(),
                contentId, Integer.toString(status), String.valueOf(progress),
                sentAccessTime == null ? "" : sentAccessTime.toString(), progressDetails == null ? "" : progressDetails);
        return new Fact(contentId, id, status, progress, sentAccessTime == null ? receivedAt : sentAccessTime,
                progressDetails, receivedAt);
    }

    public Instant lastCompletedTime() {
        return status == ContentStatus.COMPLETED ? lastAccessTime : null;
    }

    /** This fact alone as a state; the stored state is the merge of all of a content's facts. */
    public ContentState toState() {
        // lastAccessTime is never null here, so the clock is never consulted.
        return ContentStateMerge.of(new ContentUpdate(requestId, contentId, status, progress, lastAccessTime,
                progressDetails), Clock.systemUTC());
    }
}
