package dev.stride.core.completion;

import java.time.Instant;

/**
 * The best counted attempt of one assessment content.
 *
 * @param attemptCount attempts counted (at most the cap)
 * @param lastAttemptedOn the latest assessmentTs among counted attempts
 */
public record BestScore(String contentId, String bestAttemptId, double bestScore, double maxScore,
                        int attemptCount, Instant lastAttemptedOn) {
}
