package dev.stride.core.completion;

import java.time.Instant;
import java.util.Objects;

/**
 * One scored attempt of one assessment content (a row of assessment_attempts).
 *
 * @param assessmentTs when the attempt was made (Sunbird's assessmentTs)
 * @param totalScore   sum of the attempt's question scores
 * @param totalMaxScore sum of the attempt's question max scores
 */
public record AssessmentAttempt(String contentId, String attemptId, Instant assessmentTs,
                                double totalScore, double totalMaxScore) {

    public AssessmentAttempt {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(assessmentTs, "assessmentTs");
    }
}
