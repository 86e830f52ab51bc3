package dev.stride.contentstate.enrolment;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Table user_enrolments ((tenant, user_id), course_id, batch_id): a learner's courses, one partition. */
@Repository
public class UserEnrolmentRepository {

    private static final String COLUMNS = "user_id, course_id, batch_id, course_name, batch_name, enrolled_date, active,"
            + " status, progress, leaf_nodes_count, completed_on, last_read_content_id, last_read_content_status,"
            + " last_access_time, content_status";
    private final CqlSession session;
    private final PreparedStatement enrol;
    private final PreparedStatement setActive;
    private final PreparedStatement lastRead;
    private final PreparedStatement find;
    private final PreparedStatement listByUser;

    public UserEnrolmentRepository(CqlSession session) {
        this.session = session;
        // Only the enrolment's own columns: progress columns belong to the aggregator and survive a re-enrol.
        this.enrol = session.prepare("UPDATE user_enrolments SET course_name = ?, batch_name = ?, enrolled_date = ?,"
                + " active = true, leaf_nodes_count = ?, updated_at = ?"
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        this.setActive = session.prepare("UPDATE user_enrolments SET active = ?, updated_at = ?"
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        this.lastRead = session.prepare(LastRead.CQL.formatted("user_enrolments")
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        this.find = session.prepare("SELECT " + COLUMNS + " FROM user_enrolments"
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        this.listByUser = session.prepare("SELECT " + COLUMNS + " FROM user_enrolments WHERE tenant = ? AND user_id = ?");
    }

    public Mono<Void> enrol(String tenant, String userId, String courseId, String batchId, String courseName,
                            String batchName, int leafNodesCount, Instant at) {
        return Cql.execute(session, enrol.bind(courseName, batchName, at, leafNodesCount, at, tenant, userId,
                courseId, batchId));
    }

    public Mono<Void> setActive(String tenant, String userId, String courseId, String batchId, boolean active) {
        return Cql.execute(session, setActive.bind(active, Instant.now(), tenant, userId, courseId, batchId));
    }

    public Mono<Void> lastRead(String tenant, String userId, String courseId, String batchId, LastRead read) {
        return Cql.execute(session, lastRead.bind(read.writeTimestamp(), read.contentId(), read.status(),
                read.at(), tenant, userId, courseId, batchId));
    }

    public Mono<Enrolment> find(String tenant, String userId, String courseId, String batchId) {
        return Cql.one(session, find.bind(tenant, userId, courseId, batchId)).map(UserEnrolmentRepository::enrolment);
    }

    public Flux<Enrolment> listByUser(String tenant, String userId) {
        return Cql.rows(session, listByUser.bind(tenant, userId)).map(UserEnrolmentRepository::enrolment);
    }

    private static Enrolment enrolment(Row r) {
        return new Enrolment(r.getString("user_id"), r.getString("course_id"), r.getString("batch_id"),
                r.getString("course_name"), r.getString("batch_name"), r.getInstant("enrolled_date"),
                r.getBoolean("active"), r.getInt("status"), r.getInt("progress"), r.getInt("leaf_nodes_count"),
                r.getInstant("completed_on"), r.getString("last_read_content_id"),
                r.isNull("last_read_content_status") ? null : r.getInt("last_read_content_status"),
                r.getInstant("last_access_time"), r.getMap("content_status", String.class, Integer.class));
    }

    /**
     * The enrolment's last-read fields, written with the learner's access time as the cell timestamp: the later
     * access wins whatever order concurrent requests arrive in, with no read-before-write.
     */
    public record LastRead(String contentId, int status, Instant at) {

        static final String CQL = "UPDATE %s USING TIMESTAMP ? SET last_read_content_id = ?,"
                + " last_read_content_status = ?, last_access_time = ?";

        long writeTimestamp() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, at);
        }
    }
}
