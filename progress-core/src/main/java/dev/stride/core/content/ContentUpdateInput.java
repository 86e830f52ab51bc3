package dev.stride.core.content;

import java.time.Instant;

/**
 * One element of {@code request.contents[]} of {@code PATCH /v1/content/state/update}, as the client sent it
 * (nothing checked yet). Check it with {@link ContentUpdateValidator}, then turn it into a {@link ContentUpdate}.
 *
 * @param lastAccessTime    any form {@link SunbirdTimestamps#parse} accepts, or null
 * @param progressDetails   the client's {@code progressdetails} as JSON text, or null
 */
public record ContentUpdateInput(String contentId, String courseId, String batchId, Integer status,
                                 Integer progress, String lastAccessTime, String progressDetails) {

    /**
     * The validated update. {@code receivedAt} (the request's arrival, fixed once per request) stands in for a
     * missing lastAccessTime, so redelivering the resulting update cannot move times.
     *
     * @throws IllegalArgumentException when the input does not pass {@link ContentUpdateValidator}
     */
    public ContentUpdate toUpdate(String requestId, Instant receivedAt) {
        Instant at = lastAccessTime == null || lastAccessTime.isBlank()
                ? receivedAt
                : SunbirdTimestamps.parse(lastAccessTime).orElseThrow(
                        () -> new IllegalArgumentException("lastAccessTime is not a timestamp: " + lastAccessTime));
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        return new ContentUpdate(requestId, contentId, status, progress, at, progressDetails);
    }
}
