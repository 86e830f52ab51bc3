package dev.stride.samza.druidfeed;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the {@code enrolment_progress} datasource: one enrolment-progress snapshot.
 *
 * @param ts          the snapshot's event time, Druid's {@code __time}
 * @param completedOn the first completion (ISO-8601), or null
 * @param version     1, 2, ... per enrolment: the latest snapshot is the highest version
 * @param rowId       the snapshot's eventId (derived from the enrolment and the version)
 */
public record EnrolmentProgressRow(String ts, String tenant, @JsonProperty("course_id") String courseId,
                                   @JsonProperty("batch_id") String batchId, @JsonProperty("user_id") String userId,
                                   @JsonProperty("completion_percentage") double completionPercentage, int status,
                                   @JsonProperty("completed_count") int completedCount,
                                   @JsonProperty("leaf_nodes_count") int leafNodesCount,
                                   @JsonProperty("completed_on") String completedOn,
                                   @JsonProperty("time_spent_seconds") long timeSpentSeconds, long version,
                                   @JsonProperty("row_id") String rowId) {
}
