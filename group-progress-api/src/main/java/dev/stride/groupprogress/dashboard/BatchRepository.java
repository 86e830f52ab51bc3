package dev.stride.groupprogress.dashboard;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.api.web.ApiException;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.TreeMap;

/**
 * The batch dashboard's reads: batch_by_id ((tenant, batch_id)), one enrolments_by_batch partition
 * ((tenant, course_id, batch_id)) paged through by the driver (no cap), course_structure ((tenant, course_id)).
 */
@Repository
public class BatchRepository {

    // Rows per driver page: large pages keep a 10,000-learner partition to a handful of round trips.
    private static final int FETCH_SIZE = 5000;

    private final CqlSession session;
    private final PreparedStatement batch;
    private final PreparedStatement learners;
    private final PreparedStatement grades;
    private final PreparedStatement maxScores;

    public BatchRepository(CqlSession session) {
        this.session = session;
        this.batch = session.prepare("SELECT course_id, batch_id, name, start_date, end_date FROM "
                + StrideTables.BATCH_BY_ID + " WHERE tenant = ? AND batch_id = ?");
        this.learners = session.prepare("SELECT user_id, user_name, status, completion_percentage, last_access_time,"
                + " total_score, time_spent_seconds, enrolled_date, completed_on FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ?");
        this.grades = session.prepare("SELECT user_id, user_name, best_scores FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ?");
        this.maxScores = session.prepare("SELECT assessment_max_scores FROM " + StrideTables.COURSE_STRUCTURE
                + " WHERE tenant = ? AND course_id = ?");
    }

    /** The batch, or 404 when the tenant has no such batch of this course. */
    public Mono<BatchInfo> batch(String tenant, String courseId, String batchId) {
        return Cql.one(session, batch.bind(tenant, batchId))
                .filter(r -> courseId.equals(r.getString("course_id")))
                .map(r -> new BatchInfo(courseId, batchId, r.getString("name"), r.getLocalDate("start_date"),
                        r.getLocalDate("end_date")))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("BATCH_NOT_FOUND",
                        "no batch " + batchId + " of course " + courseId)));
    }

    public Flux<LearnerRow> learners(String tenant, String courseId, String batchId) {
        return Cql.rows(session, learners.bind(tenant, courseId, batchId).setPageSize(FETCH_SIZE)).map(BatchRepository::learner);
    }

    public Flux<GradeRow> grades(String tenant, String courseId, String batchId) {
        return Cql.rows(session, grades.bind(tenant, courseId, batchId).setPageSize(FETCH_SIZE))
                .map(r -> new GradeRow(r.getString("user_id"), r.getString("user_name"),
                        r.getMap("best_scores", String.class, Double.class)));
    }

    /** Assessment content id -> max score, sorted by id; empty when the course has no structure yet. */
    public Mono<Map<String, Double>> assessmentMaxScores(String tenant, String courseId) {
        return Cql.one(session, maxScores.bind(tenant, courseId))
                .map(r -> (Map<String, Double>) new TreeMap<>(r.getMap("assessment_max_scores", String.class, Double.class)))
                .defaultIfEmpty(Map.of());
    }

    private static LearnerRow learner(Row r) {
        return new LearnerRow(r.getString("user_id"), r.getString("user_name"),
                r.isNull("status") ? null : r.getInt("status"), r.getDouble("completion_percentage"),
                r.getInstant("last_access_time"), r.isNull("total_score") ? null : r.getDouble("total_score"),
                r.isNull("time_spent_seconds") ? null : r.getLong("time_spent_seconds"),
                r.getInstant("enrolled_date"), r.getInstant("completed_on"));
    }
}
