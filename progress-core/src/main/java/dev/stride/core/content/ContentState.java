package dev.stride.core.content;

import java.time.Instant;
import java.util.Objects;

/**
 * A learner's merged state of one content in one enrolment (a row of user_content_consumption).
 *
 * <p>Every field is a join-semilattice (max, later-of, last-writer-wins, distinct-request counters), so
 * {@link ContentStateMerge#merge} is commutative, associative and idempotent. {@link #viewCount()} and
 * {@link #completedCount()} are derived from the request counters, never stored as blind counters.
 *
 * @param progressDetailsTime the lastAccessTime of the update that supplied {@code progressDetails} (its
 *                            last-writer-wins timestamp, kept apart from lastAccessTime so that a later update
 *                            without details does not erase them)
 * @param views               distinct requests that touched this content (Sunbird's viewCount)
 * @param completions         distinct requests that sent status 2 (Sunbird's completedCount)
 */
public record ContentState(String contentId, int status, int progress,
                           Instant lastAccessTime, Instant lastCompletedTime,
                           String progressDetails, Instant progressDetailsTime,
                           RequestCounter views, RequestCounter completions) {

    /** Normalises: status 2 forces progress 100 (so every state obeys the rule, including imported ones). */
    public ContentState {
        Objects.requireNonNull(contentId, "contentId");
        if (!ContentStatus.isValid(status)) {
            throw new IllegalArgumentException("status must be 0, 1 or 2: " + status);
        }
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0-100: " + progress);
        }
        if (status == ContentStatus.COMPLETED) {
            progress = 100;
        }
        if (progressDetails == null) {
            progressDetailsTime = null;
        }
        views = views == null ? RequestCounter.empty() : views;
        completions = completions == null ? RequestCounter.empty() : completions;
    }

    /**
     * A state imported with Sunbird's plain counters (no request ids known): the counts become the counters' base,
     * and new distinct requests add to them.
     */
    public ContentState(String contentId, int status, int progress, int viewCount, int completedCount,
                        Instant lastAccessTime, Instant lastCompletedTime, String progressDetails) {
        this(contentId, status, progress, lastAccessTime, lastCompletedTime, progressDetails,
                progressDetails == null ? null : lastAccessTime,
                RequestCounter.ofBase(viewCount), RequestCounter.ofBase(completedCount));
    }

    /** Sunbird's viewCount: +1 per distinct update request. */
    public int viewCount() {
        return views.count();
    }

    /** Sunbird's completedCount: +1 per distinct update request with status 2. */
    public int completedCount() {
        return completions.count();
    }
}
