package dev.stride.reports.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.schema.StrideTables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Tables job_requests ((tenant, tag), request_id) and job_requests_by_status ((tenant, status), request_id), the
 * generator's side of docs/REPORTS.md. Every status change of a row is a compare-and-set (lightweight transaction)
 * on the status and the claimer, so two generators never both run a job and a generator that lost its claim cannot
 * overwrite the next one's outcome; the by-status entry follows in a logged batch.
 */
public final class JobRequestsTable {

    /** One job_requests_by_status entry (the work queue). */
    public record QueueEntry(String tenant, String status, String requestId, String tag, String dataset, Instant submittedAt) {
    }

    /** A (tenant, status) partition of the queue. */
    public record QueuePartition(String tenant, String status) {
    }

    private static final Comparator<QueueEntry> OLDEST_FIRST = Comparator.comparing(QueueEntry::submittedAt,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(QueueEntry::requestId);

    private final CqlSession session;
    private final PreparedStatement partitions;
    private final PreparedStatement queue;
    private final PreparedStatement read;
    private final PreparedStatement claim;
    private final PreparedStatement heartbeat;
    private final PreparedStatement succeed;
    private final PreparedStatement retry;
    private final PreparedStatement fail;
    private final PreparedStatement release;
    private final PreparedStatement requeueStale;
    private final PreparedStatement failStale;
    private final PreparedStatement failUnclaimed;
    private final PreparedStatement indexInsert;
    private final PreparedStatement indexDelete;

    public JobRequestsTable(CqlSession session) {
        this.session = session;
        String jobs = StrideTables.JOB_REQUESTS;
        String where = " WHERE tenant = ? AND tag = ? AND request_id = ?";
        this.partitions = session.prepare("SELECT DISTINCT tenant, status FROM " + StrideTables.JOB_REQUESTS_BY_STATUS);
        this.queue = session.prepare("SELECT request_id, tag, dataset, submitted_at FROM " + StrideTables.JOB_REQUESTS_BY_STATUS
                + " WHERE tenant = ? AND status = ?");
        this.read = session.prepare("SELECT tenant, tag, request_id, dataset, dataset_config, status, attempts, claimed_by,"
                + " output_format, submitted_at, started_at, last_updated, status_message FROM " + jobs + where);
        this.claim = session.prepare("UPDATE " + jobs + " SET status = 'PROCESSING', claimed_by = ?, started_at = ?,"
                + " attempts = ?, last_updated = ?, finished_at = null" + where + " IF status = 'SUBMITTED' AND attempts = ?");
        this.heartbeat = session.prepare("UPDATE " + jobs + " SET last_updated = ?" + where
                + " IF status = 'PROCESSING' AND claimed_by = ?");
        this.succeed = session.prepare("UPDATE " + jobs + " SET status = 'SUCCESS', download_urls = ?, finished_at = ?,"
                + " last_updated = ?, status_message = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ?");
        this.retry = session.prepare("UPDATE " + jobs + " SET status = 'SUBMITTED', status_message = ?, claimed_by = null,"
                + " last_updated = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ?");
        this.fail = session.prepare("UPDATE " + jobs + " SET status = 'FAILED', status_message = ?, finished_at = ?,"
                + " last_updated = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ?");
        this.release = session.prepare("UPDATE " + jobs + " SET status = 'SUBMITTED', attempts = ?, status_message = ?,"
                + " claimed_by = null, last_updated = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ?");
        this.requeueStale = session.prepare("UPDATE " + jobs + " SET status = 'SUBMITTED', status_message = ?,"
                + " claimed_by = null, last_updated = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ? AND last_updated = ?");
        this.failStale = session.prepare("UPDATE " + jobs + " SET status = 'FAILED', status_message = ?, finished_at = ?,"
                + " last_updated = ?" + where + " IF status = 'PROCESSING' AND claimed_by = ? AND last_updated = ?");
        this.failUnclaimed = session.prepare("UPDATE " + jobs + " SET status = 'FAILED', status_message = ?, finished_at = ?,"
                + " last_updated = ?" + where + " IF status = 'SUBMITTED' AND attempts = ?");
        this.indexInsert = session.prepare("INSERT INTO " + StrideTables.JOB_REQUESTS_BY_STATUS
                + " (tenant, status, request_id, tag, dataset, submitted_at) VALUES (?, ?, ?, ?, ?, ?)");
        this.indexDelete = session.prepare("DELETE FROM " + StrideTables.JOB_REQUESTS_BY_STATUS
                + " WHERE tenant = ? AND status = ? AND request_id = ?");
    }

    /** The live (tenant, status) partitions: a scan of partition keys only. */
    public List<QueuePartition> partitions() {
        List<QueuePartition> out = new ArrayList<>();
        for (Row r : session.execute(partitions.bind().setPageSize(1000))) {
            out.add(new QueuePartition(r.getString(0), r.getString(1)));
        }
        return out;
    }

    /** A tenant's entries in one status, oldest submission first. */
    public List<QueueEntry> entries(String tenant, String status) {
        List<QueueEntry> out = new ArrayList<>();
        for (Row r : session.execute(queue.bind(tenant, status))) {
            out.add(new QueueEntry(tenant, status, r.getString(0), r.getString(1), r.getString(2), r.getInstant(3)));
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** The row, read at SERIAL so it sees every committed compare-and-set; null when missing. */
    public JobRequest read(String tenant, String tag, String requestId) {
        Row r = session.execute(read.bind(tenant, tag, requestId).setConsistencyLevel(DefaultConsistencyLevel.SERIAL)).one();
        if (r == null) {
            return null;
        }
        Map<String, String> config = r.getMap("dataset_config", String.class, String.class);
        return new JobRequest(r.getString("tenant"), r.getString("tag"), r.getString("request_id"), r.getString("dataset"),
                config, r.getString("status"), r.isNull("attempts") ? null : r.getInt("attempts"), r.getString("claimed_by"),
                r.getString("output_format"), r.getInstant("submitted_at"), r.getInstant("started_at"),
                r.getInstant("last_updated"), r.getString("status_message"));
    }

    /** SUBMITTED → PROCESSING if nobody changed the row since it was read; true when this generator won. */
    public boolean claim(JobRequest job, String instance, int attempts, Instant now) {
        boolean won = session.execute(claim.bind(instance, now, attempts, now, job.tenant(), job.tag(), job.requestId(),
                job.attempts())).wasApplied();
        if (won) {
            move(job, JobRequest.SUBMITTED, JobRequest.PROCESSING);
        }
        return won;
    }

    /** Renews the claim; false when this generator no longer holds it. */
    public boolean heartbeat(JobRequest job, String instance, Instant now) {
        return session.execute(heartbeat.bind(now, job.tenant(), job.tag(), job.requestId(), instance)).wasApplied();
    }

    public boolean succeed(JobRequest job, String instance, List<String> downloadUrls, String message, Instant now) {
        boolean applied = session.execute(succeed.bind(downloadUrls, now, now, message, job.tenant(), job.tag(),
                job.requestId(), instance)).wasApplied();
        if (applied) {
            session.execute(indexDelete.bind(job.tenant(), JobRequest.PROCESSING, job.requestId()));
        }
        return applied;
    }

    /** PROCESSING → SUBMITTED for another attempt. */
    public boolean retry(JobRequest job, String instance, String message, Instant now) {
        boolean applied = session.execute(retry.bind(message, now, job.tenant(), job.tag(), job.requestId(), instance))
                .wasApplied();
        if (applied) {
            move(job, JobRequest.PROCESSING, JobRequest.SUBMITTED);
        }
        return applied;
    }

    public boolean fail(JobRequest job, String instance, String message, Instant now) {
        boolean applied = session.execute(fail.bind(message, now, now, job.tenant(), job.tag(), job.requestId(), instance))
                .wasApplied();
        if (applied) {
            session.execute(indexDelete.bind(job.tenant(), JobRequest.PROCESSING, job.requestId()));
        }
        return applied;
    }

    /** PROCESSING → SUBMITTED without using up an attempt (this generator is stopping). */
    public boolean release(JobRequest job, String instance, int attemptsBefore, String message, Instant now) {
        boolean applied = session.execute(release.bind(attemptsBefore, message, now, job.tenant(), job.tag(),
                job.requestId(), instance)).wasApplied();
        if (applied) {
            move(job, JobRequest.PROCESSING, JobRequest.SUBMITTED);
        }
        return applied;
    }

    /** A stale claim goes back to SUBMITTED (attempts left) or to FAILED; only if untouched since it was read. */
    public boolean expireClaim(JobRequest stale, boolean retry, String message, Instant now) {
        boolean applied = retry
                ? session.execute(requeueStale.bind(message, now, stale.tenant(), stale.tag(), stale.requestId(),
                        stale.claimedBy(), stale.lastUpdated())).wasApplied()
                : session.execute(failStale.bind(message, now, now, stale.tenant(), stale.tag(), stale.requestId(),
                        stale.claimedBy(), stale.lastUpdated())).wasApplied();
        if (applied) {
            if (retry) {
                move(stale, JobRequest.PROCESSING, JobRequest.SUBMITTED);
            } else {
                session.execute(indexDelete.bind(stale.tenant(), JobRequest.PROCESSING, stale.requestId()));
            }
        }
        return applied;
    }

    /** A SUBMITTED job that cannot be run (no attempts left): FAILED without a claim. */
    public boolean failUnclaimed(JobRequest job, String message, Instant now) {
        boolean applied = session.execute(failUnclaimed.bind(message, now, now, job.tenant(), job.tag(), job.requestId(),
                job.attempts())).wasApplied();
        if (applied) {
            session.execute(indexDelete.bind(job.tenant(), JobRequest.SUBMITTED, job.requestId()));
        }
        return applied;
    }

    /** Makes the index follow the row (after a crash between a transition's two writes). */
    public void repairIndex(QueueEntry entry, JobRequest row, JobTransitions.IndexRepair repair) {
        switch (repair) {
            case KEEP -> {
            }
            case DELETE -> session.execute(indexDelete.bind(entry.tenant(), entry.status(), entry.requestId()));
            case MOVE_TO_ROW_STATUS -> move(row, entry.status(), row.status());
        }
    }

    private void move(JobRequest job, String from, String to) {
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                indexDelete.bind(job.tenant(), from, job.requestId()),
                indexInsert.bind(job.tenant(), to, job.requestId(), job.tag(), job.dataset(), job.submittedAt())));
    }
}
