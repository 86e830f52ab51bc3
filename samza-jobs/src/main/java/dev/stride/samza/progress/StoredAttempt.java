package dev.stride.samza.progress;

import dev.stride.core.completion.AssessmentAttempt;
import dev.stride.core.event.ContentStateEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One assessment attempt as the aggregator keeps it: the scores {@link dev.stride.core.completion.AssessmentBests}
 * needs plus the attempt's answering time.
 *
 * @param durationSeconds sum of the durations of the attempt's answered questions (absent ones count 0)
 */
public record StoredAttempt(String contentId, String attemptId, Instant assessmentTs, double totalScore,
                            double totalMaxScore, double durationSeconds) {

    /** AssessmentBests' preference between two versions of one attempt, then the longer duration. */
    static final Comparator<StoredAttempt> SAME_ATTEMPT_PREFERENCE = Comparator.comparing(StoredAttempt::assessmentTs)
            .thenComparingDouble(StoredAttempt::totalScore)
            .thenComparingDouble(StoredAttempt::totalMaxScore)
            .thenComparingDouble(StoredAttempt::durationSeconds);
    /** AssessmentBests' counting order: the earliest attempts count. */
    static final Comparator<StoredAttempt> CHRONOLOGICAL = Comparator.comparing(StoredAttempt::assessmentTs)
            .thenComparing(StoredAttempt::attemptId);

    public StoredAttempt {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(assessmentTs, "assessmentTs");
    }

    /** From an event's attempt; a missing assessmentTs takes the event time so a replay gives the same attempt. */
    static StoredAttempt of(ContentStateEvent.Attempt a, Instant fallbackTs) {
        double duration = 0;
        for (ContentStateEvent.Question q : a.questions()) {
            duration += q.duration() == null ? 0 : q.duration();
        }
        return new StoredAttempt(a.contentId(), a.attemptId(), a.assessmentTs() != null ? a.assessmentTs() : fallbackTs,
                a.totalScore(), a.totalMaxScore(), duration);
    }

    AssessmentAttempt toAssessmentAttempt() {
        return new AssessmentAttempt(contentId, attemptId, assessmentTs, totalScore, totalMaxScore);
    }
}
