package dev.stride.core.content;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated content update of one accepted request.
 *
 * @param requestId      the API request it came in (one id per request, shared by its contents); counts are per
 *                       distinct request id, so a redelivered request counts once
 * @param progress       0–100, or null when the client did not send it
 * @param lastAccessTime when the learner touched the content, or null: then the merge uses its clock. Resolve a
 *                       missing time once at ingest (see {@link ContentUpdateInput#toUpdate}) so a redelivery of the
 *                       same request carries the same instant
 * @param progressDetails the client's opaque progress details (JSON text), or null
 */
public record ContentUpdate(String requestId, String contentId, int status, Integer progress,
                            Instant lastAccessTime, String progressDetails) {

    public ContentUpdate {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(contentId, "contentId");
        if (!ContentStatus.isValid(status)) {
            throw new IllegalArgumentException("status must be 0, 1 or 2: " + status);
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("progress must be 0-100: " + progress);
        }
    }
}
