package dev.stride.contentstate.enrolment;

import java.time.Instant;
import java.util.Map;

/** A row of user_enrolments as the courses list shows it. */
public record Enrolment(String userId, String courseId, String batchId, String courseName, String batchName,
                        Instant enrolledDate, boolean active, int status, int progress, int leafNodesCount,
                        Instant completedOn, String lastReadContentId, Integer lastReadContentStatus,
                        Instant lastAccessTime, Map<String, Integer> contentStatus) {

    /** Sunbird: progress is the completed leaf count; the percentage is computed at read time. */
    public int completionPercentage() {
        return leafNodesCount <= 0 ? 0 : Math.min(100, progress * 100 / leafNodesCount);
    }
}
