package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import dev.stride.schema.StrideTables;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregator's upserts and reads of user_enrolments, enrolments_by_batch and user_activity_agg. Only progress
 * columns are set: names, enrolment dates and the users' report fields belong to other writers and are never touched.
 * A null value is left unset (no tombstone), so the same aggregate always leaves the same row.
 */
public final class ProgressRows {

    /** The progress columns, in bind order. */
    static final List<String> PROGRESS_COLUMNS = List.of("status", "progress", "leaf_nodes_count",
            "completion_percentage", "completed_on", "last_read_content_id", "last_read_content_status",
            "last_access_time", "content_status", "unit_completion", "best_scores", "total_score",
            "time_spent_seconds", "updated_at");

    // built once: the driver derives a codec from each GenericType, which is costly per call
    private static final GenericType<Map<String, Integer>> TEXT_INT = GenericType.mapOf(String.class, Integer.class);
    private static final GenericType<Map<String, Double>> TEXT_DOUBLE = GenericType.mapOf(String.class, Double.class);
    private static final GenericType<Map<String, Instant>> TEXT_TIME = GenericType.mapOf(String.class, Instant.class);

    private final CqlSession session;
    private final PreparedStatement upsertUserEnrolment;
    private final PreparedStatement upsertBatchEnrolment;
    private final PreparedStatement upsertActivityAgg;
    private final PreparedStatement readUserEnrolment;
    private final PreparedStatement readBatchEnrolment;
    private final PreparedStatement readActivityAgg;

    public ProgressRows(CqlSession session) {
        this.session = session;
        String set = String.join(" = ?, ", PROGRESS_COLUMNS) + " = ?";
        String select = String.join(", ", PROGRESS_COLUMNS);
        upsertUserEnrolment = session.prepare("UPDATE " + StrideTables.USER_ENROLMENTS + " SET " + set
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        upsertBatchEnrolment = session.prepare("UPDATE " + StrideTables.ENROLMENTS_BY_BATCH + " SET " + set
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?");
        upsertActivityAgg = session.prepare("UPDATE " + StrideTables.USER_ACTIVITY_AGG
                + " SET aggregates = ?, agg_last_updated = ?"
                + " WHERE tenant = ? AND activity_type = ? AND activity_id = ? AND user_id = ? AND context_id = ?");
        readUserEnrolment = session.prepare("SELECT " + select + " FROM " + StrideTables.USER_ENROLMENTS
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        readBatchEnrolment = session.prepare("SELECT " + select + " FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?");
        readActivityAgg = session.prepare("SELECT aggregates, agg_last_updated FROM " + StrideTables.USER_ACTIVITY_AGG
                + " WHERE tenant = ? AND activity_type = ? AND activity_id = ? AND user_id = ? AND context_id = ?");
    }

    public CqlSession session() {
        return session;
    }

    /** The three idempotent upserts of one aggregate. */
    public List<BoundStatement> upserts(EnrolmentAggregate a) {
        return List.of(userEnrolment(a), batchEnrolment(a), activityAgg(a));
    }

    /** user_enrolments: partition (tenant, user). */
    public BoundStatement userEnrolment(EnrolmentAggregate a) {
        return progress(upsertUserEnrolment.boundStatementBuilder(), a)
                .setString(14, a.tenantId()).setString(15, a.userId())
                .setString(16, a.courseId()).setString(17, a.batchId()).setIdempotence(true).build();
    }

    /** enrolments_by_batch: partition (tenant, course, batch), shared by every learner of the batch. */
    public BoundStatement batchEnrolment(EnrolmentAggregate a) {
        return progress(upsertBatchEnrolment.boundStatementBuilder(), a)
                .setString(14, a.tenantId()).setString(15, a.courseId())
                .setString(16, a.batchId()).setString(17, a.userId()).setIdempotence(true).build();
    }

    /** user_activity_agg: partition (tenant, activity type, course, user). */
    public BoundStatement activityAgg(EnrolmentAggregate a) {
        return upsertActivityAgg.boundStatementBuilder()
                        .set(0, a.aggregates(), TEXT_DOUBLE)
                        .set(1, a.aggLastUpdated(), TEXT_TIME)
                        .setString(2, a.tenantId()).setString(3, EnrolmentAggregate.ACTIVITY_TYPE)
                        .setString(4, a.courseId()).setString(5, a.userId()).setString(6, a.contextId())
                        .setIdempotence(true).build();
    }

    /** The progress columns of a user_enrolments row, as an aggregate without activity maps; empty when no row. */
    public Optional<EnrolmentAggregate> readUserEnrolment(String tenant, String user, String course, String batch) {
        return Optional.ofNullable(session.execute(readUserEnrolment.bind(tenant, user, course, batch)).one())
                .map(r -> fromRow(r, tenant, user, course, batch, Map.of(), Map.of()));
    }

    public Optional<EnrolmentAggregate> readBatchEnrolment(String tenant, String user, String course, String batch) {
        return Optional.ofNullable(session.execute(readBatchEnrolment.bind(tenant, course, batch, user)).one())
                .map(r -> fromRow(r, tenant, user, course, batch, Map.of(), Map.of()));
    }

    /** user_activity_agg's aggregates and agg_last_updated maps of the enrolment; empty when no row. */
    public Optional<Row> readActivityAgg(String tenant, String user, String course, String batch) {
        return Optional.ofNullable(session.execute(readActivityAgg.bind(tenant, EnrolmentAggregate.ACTIVITY_TYPE,
                course, user, "cb:" + batch)).one());
    }

    private static BoundStatementBuilder progress(BoundStatementBuilder b, EnrolmentAggregate a) {
        b = b.setInt(0, a.status()).setInt(1, a.completedCount()).setInt(2, a.leafNodesCount())
                .setDouble(3, a.completionPercentage());
        if (a.completedOn() != null) {
            b = b.setInstant(4, a.completedOn());
        }
        if (a.lastReadContentId() != null) {
            b = b.setString(5, a.lastReadContentId()).setInt(6, a.lastReadContentStatus());
        }
        if (a.lastAccessTime() != null) {
            b = b.setInstant(7, a.lastAccessTime());
        }
        return b.set(8, a.contentStatus(), TEXT_INT)
                .set(9, a.unitCompletion(), TEXT_DOUBLE)
                .set(10, a.bestScores(), TEXT_DOUBLE)
                .setDouble(11, a.totalScore())
                .setLong(12, a.timeSpentSeconds())
                .setInstant(13, a.updatedAt());
    }

    private static EnrolmentAggregate fromRow(Row r, String tenant, String user, String course, String batch,
                                              Map<String, Double> aggregates, Map<String, Instant> lastUpdated) {
        return new EnrolmentAggregate(tenant, user, course, batch, r.getInt("status"), r.getInt("progress"),
                r.getInt("leaf_nodes_count"), r.getDouble("completion_percentage"), r.getInstant("completed_on"),
                r.getInstant("last_access_time"), r.getString("last_read_content_id"),
                r.isNull("last_read_content_status") ? null : r.getInt("last_read_content_status"),
                r.getMap("content_status", String.class, Integer.class),
                r.getMap("unit_completion", String.class, Double.class),
                r.getMap("best_scores", String.class, Double.class), r.getDouble("total_score"),
                r.getLong("time_spent_seconds"), aggregates, lastUpdated, r.getInstant("updated_at"));
    }
}
