package dev.stride.groupprogress.jobrequest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * job_requests ((tenant, tag), request_id) — list/read a tag's requests — and the generator's work queue
 * job_requests_by_status ((tenant, status), request_id), written together in one logged batch (docs/REPORTS.md).
 */
@Repository
public class JobRequestRepository {

    private static final String COLUMNS = "tenant, tag, request_id, dataset, dataset_config, status, status_message,"
            + " requested_by, output_format, attempts, download_urls, submitted_at, started_at, finished_at, last_updated";

    private final CqlSession session;
    private final PreparedStatement find;
    private final PreparedStatement list;
    private final PreparedStatement insert;
    private final PreparedStatement enqueue;
    private final PreparedStatement dequeue;

    public JobRequestRepository(CqlSession session) {
        this.session = session;
        this.find = session.prepare("SELECT " + COLUMNS + " FROM " + StrideTables.JOB_REQUESTS
                + " WHERE tenant = ? AND tag = ? AND request_id = ?");
        this.list = session.prepare("SELECT " + COLUMNS + " FROM " + StrideTables.JOB_REQUESTS
                + " WHERE tenant = ? AND tag = ?");
        // Every column a generator writes is set here too, so a reset leaves nothing of the previous run.
        this.insert = session.prepare("INSERT INTO " + StrideTables.JOB_REQUESTS + " (tenant, tag, request_id, dataset,"
                + " dataset_config, status, status_message, requested_by, output_format, attempts, claimed_by,"
                + " download_urls, submitted_at, started_at, finished_at, last_updated)"
                + " VALUES (?, ?, ?, ?, ?, ?, null, ?, ?, ?, null, null, ?, null, null, ?)");
        this.enqueue = session.prepare("INSERT INTO " + StrideTables.JOB_REQUESTS_BY_STATUS + " (tenant, status,"
                + " request_id, tag, dataset, submitted_at) VALUES (?, ?, ?, ?, ?, ?)");
        this.dequeue = session.prepare("DELETE FROM " + StrideTables.JOB_REQUESTS_BY_STATUS
                + " WHERE tenant = ? AND status = ? AND request_id = ?");
    }

    public Mono<JobRequest> find(String tenant, String tag, String requestId) {
        return Cql.one(session, find.bind(tenant, tag, requestId)).map(JobRequestRepository::job);
    }

    public Flux<JobRequest> list(String tenant, String tag) {
        return Cql.rows(session, list.bind(tenant, tag)).map(JobRequestRepository::job);
    }

    /**
     * Writes a SUBMITTED request and its queue row in one logged batch (both or neither, even if this process dies);
     * a reset of a finished request also drops the queue row of its old status, if a generator left one.
     */
    public Mono<Void> submit(JobRequest job, String previousStatus) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatement(insert.bind(job.tenant(), job.tag(), job.requestId(), job.dataset(), job.datasetConfig(),
                        job.status(), job.requestedBy(), job.outputFormat(), job.attempts(), job.submittedAt(),
                        job.lastUpdated()))
                .addStatement(enqueue.bind(job.tenant(), JobRequest.SUBMITTED, job.requestId(), job.tag(), job.dataset(),
                        job.submittedAt()));
        if (previousStatus != null && !JobRequest.SUBMITTED.equals(previousStatus)) {
            batch.addStatement(dequeue.bind(job.tenant(), previousStatus, job.requestId()));
        }
        return Cql.execute(session, batch.build());
    }

    private static JobRequest job(Row r) {
        return new JobRequest(r.getString("tenant"), r.getString("tag"), r.getString("request_id"), r.getString("dataset"),
                r.getMap("dataset_config", String.class, String.class), r.getString("status"),
                r.getString("status_message"), r.getString("requested_by"), r.getString("output_format"),
                r.getInt("attempts"), r.getList("download_urls", String.class), r.getInstant("submitted_at"),
                r.getInstant("started_at"), r.getInstant("finished_at"), r.getInstant("last_updated"));
    }
}
