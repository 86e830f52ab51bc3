package dev.stride.groupprogress.dashboard;

import java.util.Map;

/** One learner's best score per assessment content (enrolments_by_batch.best_scores). */
public record GradeRow(String userId, String name, Map<String, Double> bestScores) {
}
