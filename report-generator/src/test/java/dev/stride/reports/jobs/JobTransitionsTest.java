package dev.stride.reports.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.stride.reports.jobs.JobTransitions.AfterFailure.FAIL;
import static dev.stride.reports.jobs.JobTransitions.AfterFailure.RETRY;
import static dev.stride.reports.jobs.JobTransitions.IndexRepair.DELETE;
import static dev.stride.reports.jobs.JobTransitions.IndexRepair.KEEP;
import static dev.stride.reports.jobs.JobTransitions.IndexRepair.MOVE_TO_ROW_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

class JobTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final JobTransitions t = new JobTransitions(3, Duration.ofMinutes(30));

    private static JobRequest job(String status, Integer attempts, Instant lastUpdated) {
        return new JobRequest("t1", "tag", "r1", "progress-exhaust", Map.of("batchId", "b1"), status, attempts, "gen-a",
                "csv", NOW.minusSeconds(3600), NOW.minusSeconds(3600), lastUpdated, null);
    }

    @Test
    void aSubmittedJobWithAttemptsLeftIsClaimableAndTheClaimCountsAnAttempt() {
        assertThat(t.claimable(job("SUBMITTED", null, null))).isTrue();
        assertThat(t.attemptsAfterClaim(job("SUBMITTED", null, null))).isEqualTo(1);
        assertThat(t.attemptsAfterClaim(job("SUBMITTED", 2, null))).isEqualTo(3);
        assertThat(t.claimable(job("SUBMITTED", 3, null))).isFalse();
        assertThat(t.claimable(job("PROCESSING", 1, NOW))).isFalse();
        assertThat(t.claimable(job("SUCCESS", 1, NOW))).isFalse();
    }

    @Test
    void failuresRetryUntilTheThirdAttemptAndPermanentOnesFailAtOnce() {
        assertThat(t.afterFailure(1, false)).isEqualTo(RETRY);
        assertThat(t.afterFailure(2, false)).isEqualTo(RETRY);
        assertThat(t.afterFailure(3, false)).isEqualTo(FAIL);
        assertThat(t.afterFailure(1, true)).isEqualTo(FAIL);
        assertThat(t.failureMessage(1, false, "timeout")).isEqualTo("attempt 1 of 3 failed, will retry: timeout");
        assertThat(t.failureMessage(3, false, "timeout")).isEqualTo("timeout");
        assertThat(t.failureMessage(1, true, "batch b9 does not exist")).isEqualTo("batch b9 does not exist");
    }

    @Test
    void aClaimIsStaleOnlyWhenItsHeartbeatIsOlderThanTheTimeout() {
        assertThat(t.stale(job("PROCESSING", 1, NOW.minus(Duration.ofMinutes(29))), NOW)).isFalse();
        assertThat(t.stale(job("PROCESSING", 1, NOW.minus(Duration.ofMinutes(31))), NOW)).isTrue();
        assertThat(t.stale(job("PROCESSING", 1, null), NOW)).isTrue(); // falls back to started_at, an hour ago
        assertThat(t.stale(job("SUBMITTED", 1, NOW.minus(Duration.ofDays(1))), NOW)).isFalse();
        assertThat(t.heartbeatInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new JobTransitions(3, Duration.ofSeconds(6)).heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theIndexFollowsTheRow() {
        assertThat(t.repair("SUBMITTED", job("SUBMITTED", 0, null))).isEqualTo(KEEP);
        assertThat(t.repair("SUBMITTED", job("PROCESSING", 1, NOW))).isEqualTo(MOVE_TO_ROW_STATUS);
        assertThat(t.repair("PROCESSING", job("SUBMITTED", 1, NOW))).isEqualTo(MOVE_TO_ROW_STATUS);
        assertThat(t.repair("PROCESSING", job("SUCCESS", 1, NOW))).isEqualTo(DELETE);
        assertThat(t.repair("SUBMITTED", job("FAILED", 3, NOW))).isEqualTo(DELETE);
        assertThat(t.repair("SUBMITTED", null)).isEqualTo(DELETE);
    }
}
