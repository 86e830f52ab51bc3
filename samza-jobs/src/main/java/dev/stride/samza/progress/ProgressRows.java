package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.stride.schema.StrideTables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The aggregator's upserts and reads of user_enrolments, enrolments_by_batch and user_activity_agg. Only progress
 * columns are set: names, enrolment dates and the users' report fields belong to other writers and are never touched.
 * A null value is left unset (no tombstone), so the same aggregate always leaves the same row.
 */
public final class ProgressRows {

    /** The progress columns the upserts set, in bind order (the last-read columns have their own statement). */
    static final List<String> UPSERT_COLUMNS = List.of("status", "progress", "leaf_nodes_count",
            "completion_percentage", "completed_on", "content_status", "unit_completion", "best_scores", "total_score",
            "time_spent_seconds", "updated_at");
    /** Every progress column, as read back. */
    static final List<String> PROGRESS_COLUMNS = List.of("status", "progress", "leaf_nodes_count",
            "completion_percentage", "completed_on", "last_read_content_id", "last_read_content_status",
            "last_access_time", "content_status", "unit_completion", "best_scores", "total_score",
            "time_spent_seconds", "updated_at");
    /**
     * The last-read columns carry the learner's access time as their cell time, as content-state-api writes them on
     * every update: the later access wins whichever writer lands last, so an aggregate computed before the latest
     * update (a job behind its input) never moves them back. The aggregator writes at the end of the access's
     * millisecond (µs 999): on an equal access time the API's cells (µs 000) would otherwise tie with its own and
     * Cassandra would keep the larger value cell by cell, mixing one content's id with another's status.
     */
    private static final String LAST_READ = "UPDATE %s USING TIMESTAMP ? SET last_read_content_id = ?,"
            + " last_read_content_status = ?, last_access_time = ?";

    // built once, over Utf8Text (the driver's text codec encodes through a CharsetEncoder, costly per string)
    private static final TypeCodec<String> TEXT = Utf8Text.CODEC;
    private static final TypeCodec<Map<String, Integer>> TEXT_INT = TypeCodecs.mapOf(TEXT, TypeCodecs.INT);
    private static final TypeCodec<Map<String, Double>> TEXT_DOUBLE = TypeCodecs.mapOf(TEXT, TypeCodecs.DOUBLE);
    private static final TypeCodec<Map<String, Instant>> TEXT_TIME = TypeCodecs.mapOf(TEXT, TypeCodecs.TIMESTAMP);

    private final CqlSession session;
    private final PreparedStatement upsertUserEnrolment;
    private final PreparedStatement upsertBatchEnrolment;
    private final PreparedStatement upsertActivityAgg;
    private final PreparedStatement lastReadUserEnrolment;
    private final PreparedStatement lastReadBatchEnrolment;
    private final PreparedStatement readUserEnrolment;
    private final PreparedStatement readBatchEnrolment;
    private final PreparedStatement readActivityAgg;

    public ProgressRows(CqlSession session) {
        this.session = session;
        String set = String.join(" = ?, ", UPSERT_COLUMNS) + " = ?";
        String select = String.join(", ", PROGRESS_COLUMNS);
        upsertUserEnrolment = session.prepare("UPDATE " + StrideTables.USER_ENROLMENTS + " SET " + set
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        upsertBatchEnrolment = session.prepare("UPDATE " + StrideTables.ENROLMENTS_BY_BATCH + " SET " + set
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?");
        lastReadUserEnrolment = session.prepare(LAST_READ.formatted(StrideTables.USER_ENROLMENTS)
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        lastReadBatchEnrolment = session.prepare(LAST_READ.formatted(StrideTables.ENROLMENTS_BY_BATCH)
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

    /** The idempotent writes of one aggregate (user_enrolments' two statements as one single-partition batch). */
    public List<Statement<?>> upserts(EnrolmentAggregate a) {
        return List.of(userEnrolment(a), single(batchEnrolment(a)), activityAgg(a));
    }

    /**
     * As {@link #upserts} with the last-read cells written at {@code lastReadMicros} instead of the access time: the
     * reconciler's repair, computed from every fact, must win over cells an older release or a bad hand wrote later.
     */
    public List<Statement<?>> upserts(EnrolmentAggregate a, long lastReadMicros) {
        return List.of(userEnrolment(a, lastReadMicros), single(batchEnrolment(a, lastReadMicros)), activityAgg(a));
    }

    /** user_enrolments: partition (tenant, user); the progress upsert and, once there is an access, the last-read one. */
    public Statement<?> userEnrolment(EnrolmentAggregate a) {
        return userEnrolment(a, aggregatorMicros(a));
    }

    private Statement<?> userEnrolment(EnrolmentAggregate a, long lastReadMicros) {
        BoundStatement progress = progress(upsertUserEnrolment.boundStatementBuilder(), a)
                .set(11, a.tenantId(), TEXT).set(12, a.userId(), TEXT)
                .set(13, a.courseId(), TEXT).set(14, a.batchId(), TEXT).setIdempotence(true).build();
        if (a.lastAccessTime() == null) {
            return progress;
        }
        BoundStatement lastRead = lastRead(lastReadUserEnrolment.boundStatementBuilder(), a, lastReadMicros)
                .set(4, a.tenantId(), TEXT).set(5, a.userId(), TEXT)
                .set(6, a.courseId(), TEXT).set(7, a.batchId(), TEXT).build();
        return single(List.of(progress, lastRead));
    }

    /** enrolments_by_batch: partition (tenant, course, batch), shared by every learner of the batch; 1 or 2 statements. */
    public List<BoundStatement> batchEnrolment(EnrolmentAggregate a) {
        return batchEnrolment(a, aggregatorMicros(a));
    }

    /** The aggregator's last-read cell time for the aggregate (unused when it has no access yet). */
    private static long aggregatorMicros(EnrolmentAggregate a) {
        return a.lastAccessTime() == null ? 0 : lastReadMicros(a.lastAccessTime());
    }

    private List<BoundStatement> batchEnrolment(EnrolmentAggregate a, long lastReadMicros) {
        BoundStatement progress = progress(upsertBatchEnrolment.boundStatementBuilder(), a)
                .set(11, a.tenantId(), TEXT).set(12, a.courseId(), TEXT)
                .set(13, a.batchId(), TEXT).set(14, a.userId(), TEXT).setIdempotence(true).build();
        if (a.lastAccessTime() == null) {
            return List.of(progress);
        }
        return List.of(progress, lastRead(lastReadBatchEnrolment.boundStatementBuilder(), a, lastReadMicros)
                .set(4, a.tenantId(), TEXT).set(5, a.courseId(), TEXT)
                .set(6, a.batchId(), TEXT).set(7, a.userId(), TEXT).build());
    }

    /** One statement as is; several of one partition as an UNLOGGED batch (one mutation). */
    static Statement<?> single(List<BoundStatement> statements) {
        return statements.size() == 1 ? statements.get(0)
                : BatchStatement.builder(BatchType.UNLOGGED).addStatements(List.copyOf(statements)).setIdempotence(true).build();
    }

    /** user_activity_agg: partition (tenant, activity type, course, user). */
    public BoundStatement activityAgg(EnrolmentAggregate a) {
        return upsertActivityAgg.boundStatementBuilder()
                        .set(0, a.aggregates(), TEXT_DOUBLE)
                        .set(1, a.aggLastUpdated(), TEXT_TIME)
                        .set(2, a.tenantId(), TEXT).set(3, EnrolmentAggregate.ACTIVITY_TYPE, TEXT)
                        .set(4, a.courseId(), TEXT).set(5, a.userId(), TEXT).set(6, a.contextId(), TEXT)
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
        return b.set(5, a.contentStatus(), TEXT_INT)
                .set(6, a.unitCompletion(), TEXT_DOUBLE)
                .set(7, a.bestScores(), TEXT_DOUBLE)
                .setDouble(8, a.totalScore())
                .setLong(9, a.timeSpentSeconds())
                .setInstant(10, a.updatedAt());
    }

    /** The aggregator's cell time for an access: the access's millisecond, at its last microsecond (see LAST_READ). */
    static long lastReadMicros(Instant access) {
        return ChronoUnit.MILLIS.between(Instant.EPOCH, access) * 1000 + 999;
    }

    /** Binds USING TIMESTAMP and the last-read values; the key follows from index 4. */
    private static BoundStatementBuilder lastRead(BoundStatementBuilder b, EnrolmentAggregate a, long micros) {
        b = b.setLong(0, micros).setInstant(3, a.lastAccessTime());
        if (a.lastReadContentId() != null) {
            b = b.set(1, a.lastReadContentId(), TEXT).setInt(2, a.lastReadContentStatus());
        }
        return b.setIdempotence(true);
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
