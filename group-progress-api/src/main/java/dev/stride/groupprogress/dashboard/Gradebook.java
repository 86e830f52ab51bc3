package dev.stride.groupprogress.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learners × assessment contents of a batch: best score per cell (null: never attempted), each learner's total and
 * percentage. Columns are the course's assessments (course_structure.assessment_max_scores); without a structure,
 * the contents any learner has a score for, with unknown max scores.
 */
public record Gradebook(String courseId, String batchId, List<Assessment> assessments, Double totalMaxScore,
                        List<Learner> learners, int count) {

    public record Assessment(String contentId, Double maxScore) {
    }

    public record Learner(String userId, String name, Map<String, Double> scores, double total, Double percentage) {
    }

    public static Gradebook of(BatchInfo batch, Map<String, Double> maxScores, List<GradeRow> rows,
                               Optional<Set<String>> visible) {
        List<GradeRow> seen = visible.map(ids -> rows.stream().filter(r -> ids.contains(r.userId())).toList()).orElse(rows);
        List<Assessment> columns = new ArrayList<>();
        if (maxScores.isEmpty()) {
            Set<String> ids = new TreeSet<>();
            seen.forEach(r -> ids.addAll(r.bestScores().keySet()));
            ids.forEach(id -> columns.add(new Assessment(id, null)));
        } else {
            maxScores.forEach((id, max) -> columns.add(new Assessment(id, max)));
        }
        Double totalMax = maxScores.isEmpty() ? null : maxScores.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Learner> learners = new ArrayList<>(seen.size());
        for (GradeRow r : seen) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double total = 0;
            for (Assessment a : columns) {
                Double s = r.bestScores().get(a.contentId());
                scores.put(a.contentId(), s);
                total += s == null ? 0 : s;
            }
            Double pct = totalMax == null || totalMax == 0 ? null : Math.round(total * 10000 / totalMax) / 100.0;
            learners.add(new Learner(r.userId(), r.name(), scores, total, pct));
        }
        return new Gradebook(batch.courseId(), batch.batchId(), columns, totalMax, learners, learners.size());
    }
}
