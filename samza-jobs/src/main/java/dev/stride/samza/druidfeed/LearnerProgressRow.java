package dev.stride.samza.druidfeed;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the {@code learner_progress} datasource: one content of one accepted content-state change, denormalized.
 *
 * @param ts        the change's event time (the learner's action), Druid's {@code __time}
 * @param unitId    the outermost unit holding the content, or "" when the content is directly under the course or the
 *                  course tree was not known when the row was made
 * @param rowId     {@code eventId:contentId}: the same change always makes the same id, so a duplicate is recognisable
 */
public record LearnerProgressRow(String ts, String tenant, @JsonProperty("course_id") String courseId,
                                 @JsonProperty("batch_id") String batchId, @JsonProperty("unit_id") String unitId,
                                 @JsonProperty("user_id") String userId, @JsonProperty("content_id") String contentId,
                                 int status, int progress,
                                 @JsonProperty("time_spent_seconds") long timeSpentSeconds,
                                 @JsonProperty("row_id") String rowId) {
}
