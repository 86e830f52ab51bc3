package dev.stride.reports.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The job state machine of docs/REPORTS.md as pure decisions (the Cassandra side is {@link JobRequestsTable}):
 * SUBMITTED → PROCESSING (claim, attempts + 1) → SUCCESS | back to SUBMITTED (a retryable failure, fewer than
 * {@code maxAttempts} attempts) | FAILED (a permanent failure, or the last attempt). A PROCESSING job whose claimer
 * stopped heart-beating for longer than the claim timeout counts as a failed attempt.
 */
public final class JobTransitions {

    /** Where a job goes after a failed attempt. */
    public enum AfterFailure { RETRY, FAIL }

    /** What to do with a job_requests_by_status entry, given the job_requests row it points to. */
    public enum IndexRepair { KEEP, MOVE_TO_ROW_STATUS, DELETE }

    private final int maxAttempts;
    private final Duration claimTimeout;

    public JobTransitions(int maxAttempts, Duration claimTimeout) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("claimTimeout must be positive");
        }
        this.maxAttempts = maxAttempts;
        this.claimTimeout = claimTimeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    /** Whether a job may be claimed: SUBMITTED with attempts left (a row over the limit is failed instead). */
    public boolean claimable(JobRequest job) {
        return JobRequest.SUBMITTED.equals(job.status()) && job.attemptsSoFar() < maxAttempts;
    }

    /** The attempts value a claim writes. */
    public int attemptsAfterClaim(JobRequest job) {
        return job.attemptsSoFar() + 1;
    }

    /** After attempt number {@code attempts} (1-based) failed. */
    public AfterFailure afterFailure(int attempts, boolean permanent) {
        return permanent || attempts >= maxAttempts ? AfterFailure.FAIL : AfterFailure.RETRY;
    }

    /** The status_message of a failed attempt: the reason, with the attempt count when it will be retried. */
    public String failureMessage(int attempts, boolean permanent, String reason) {
        return afterFailure(attempts, permanent) == AfterFailure.RETRY
                ? "attempt " + attempts + " of " + maxAttempts + " failed, will retry: " + reason
                : reason;
    }

    /** A PROCESSING job whose claim has not been renewed within the claim timeout (its claimer is gone). */
    public boolean stale(JobRequest job, Instant now) {
        if (!JobRequest.PROCESSING.equals(job.status())) {
            return false;
        }
        Instant seen = Optional.ofNullable(job.lastUpdated()).orElse(job.startedAt());
        return seen == null || Duration.between(seen, now).compareTo(claimTimeout) > 0;
    }

    /** How often a running job renews its claim: well inside the timeout. */
    public Duration heartbeatInterval() {
        Duration third = claimTimeout.dividedBy(3);
        Duration minute = Duration.ofMinutes(1);
        return third.compareTo(minute) < 0 ? third : minute;
    }

    /**
     * The by-status index and the row disagree after a crash between the two writes of a transition: follow the row,
     * which is written first (a compare-and-set) and is the truth. Finished jobs have no index entry.
     */
    public IndexRepair repair(String indexStatus, JobRequest rowOrNull) {
        if (rowOrNull == null || rowOrNull.status() == null) {
            return IndexRepair.DELETE;
        }
        String status = rowOrNull.status();
        if (status.equals(indexStatus)) {
            return IndexRepair.KEEP;
        }
        return JobRequest.SUBMITTED.equals(status) || JobRequest.PROCESSING.equals(status)
                ? IndexRepair.MOVE_TO_ROW_STATUS : IndexRepair.DELETE;
    }
}
