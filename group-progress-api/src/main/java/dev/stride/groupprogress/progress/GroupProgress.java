package dev.stride.groupprogress.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /v1/groups/{groupId}/progress}: every member × every course of the group. */
public record GroupProgress(String groupId, String name, List<CourseRef> courses, List<MemberProgress> members,
                            List<CourseSummary> summary, Instant computedAt) {

    public record CourseRef(String courseId, String name) {
    }

    /** One cell: the member's best enrolment in the course (highest completion), or {@code enrolled=false}. */
    public record CourseProgress(String courseId, boolean enrolled, String batchId, Integer status,
                                 double completionPercentage, Instant lastAccessTime, Double totalScore) {
    }

    public record MemberProgress(String userId, String name, String role, String status, List<CourseProgress> courses) {
    }

    /** Per course: members enrolled, members completed (status 2), mean completion over enrolled members. */
    public record CourseSummary(String courseId, int enrolled, int completed, double averageCompletion) {
    }

    /** For authorisation from the cached answer itself: userId -> group role. */
    Map<String, String> rolesByUser() {
        return members.stream().collect(Collectors.toMap(MemberProgress::userId, MemberProgress::role));
    }
}
