package dev.stride.core.completion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Best score per assessment content across a learner's attempts in one enrolment.
 *
 * <p>Deterministic whatever the input order or duplication: attempts are first deduplicated by
 * (contentId, attemptId) keeping the greatest (assessmentTs, totalScore, totalMaxScore); then per content only the
 * earliest {@code attemptCap} by (assessmentTs, attemptId) count, the rest are ignored; the best is the highest
 * totalScore, ties going to the earlier attempt. totalScore / totalMaxScore sum the bests over contents.
 *
 * @param byContent best per content id, ordered by content id
 */
public record AssessmentBests(Map<String, BestScore> byContent, double totalScore, double totalMaxScore) {

    /** Sunbird's default {@code assessment.attempts.limit}. */
    public static final int DEFAULT_ATTEMPT_CAP = 25;

    private static final Comparator<AssessmentAttempt> CHRONOLOGICAL =
            Comparator.comparing(AssessmentAttempt::assessmentTs).thenComparing(AssessmentAttempt::attemptId);
    private static final Comparator<AssessmentAttempt> SAME_ATTEMPT_PREFERENCE =
            Comparator.comparing(AssessmentAttempt::assessmentTs)
                    .thenComparingDouble(AssessmentAttempt::totalScore)
                    .thenComparingDouble(AssessmentAttempt::totalMaxScore);

    public AssessmentBests {
        byContent = Collections.unmodifiableMap(new LinkedHashMap<>(byContent));
    }

    public static AssessmentBests of(Collection<AssessmentAttempt> attempts) {
        return of(attempts, DEFAULT_ATTEMPT_CAP);
    }

    public static AssessmentBests of(Collection<AssessmentAttempt> attempts, int attemptCap) {
        Map<String, BestScore> bests = new LinkedHashMap<>();
        double total = 0;
        double totalMax = 0;
        for (var entry : counted(attempts, attemptCap).entrySet()) {
            List<AssessmentAttempt> counted = entry.getValue();
            AssessmentAttempt best = counted.get(0);
            for (AssessmentAttempt a : counted) {
                if (a.totalScore() > best.totalScore()) {
                    best = a; // strictly greater: a tie keeps the earlier attempt
                }
            }
            AssessmentAttempt last = counted.get(counted.size() - 1);
            bests.put(entry.getKey(), new BestScore(entry.getKey(), best.attemptId(), best.totalScore(),
                    best.totalMaxScore(), counted.size(), last.assessmentTs()));
            total += best.totalScore();
            totalMax += best.totalMaxScore();
        }
        return new AssessmentBests(bests, total, totalMax);
    }

    /** The attempts that count (deduplicated, capped), per content id in chronological order — for the read API's score list. */
    public static Map<String, List<AssessmentAttempt>> counted(Collection<AssessmentAttempt> attempts, int attemptCap) {
        if (attemptCap < 1) {
            throw new IllegalArgumentException("attemptCap must be >= 1: " + attemptCap);
        }
        Map<String, Map<String, AssessmentAttempt>> byContentAndAttempt = new TreeMap<>();
        for (AssessmentAttempt a : attempts) {
            byContentAndAttempt.computeIfAbsent(a.contentId(), k -> new TreeMap<>())
                    .merge(a.attemptId(), a, (x, y) -> SAME_ATTEMPT_PREFERENCE.compare(x, y) >= 0 ? x : y);
        }
        Map<String, List<AssessmentAttempt>> out = new LinkedHashMap<>();
        byContentAndAttempt.forEach((contentId, m) -> {
            List<AssessmentAttempt> list = new ArrayList<>(m.values());
            list.sort(CHRONOLOGICAL);
            out.put(contentId, List.copyOf(list.subList(0, Math.min(attemptCap, list.size()))));
        });
        return Collections.unmodifiableMap(out);
    }

    public BestScore best(String contentId) {
        return byContent.get(contentId);
    }
}
