package dev.stride.groupprogress.dashboard;

import java.time.Instant;

/** One learner of a batch on the dashboard (enrolments_by_batch, the columns a row shows). */
public record LearnerRow(String userId, String name, Integer status, double completionPercentage,
                         Instant lastAccessTime, Double totalScore, Long timeSpentSeconds, Instant enrolledDate,
                         Instant completedOn) {

    public boolean completed() {
        return status != null && status == 2;
    }
}
