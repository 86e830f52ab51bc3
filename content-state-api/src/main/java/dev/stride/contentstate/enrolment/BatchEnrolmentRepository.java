package dev.stride.contentstate.enrolment;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.contentstate.user.Profile;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Table enrolments_by_batch ((tenant, course_id, batch_id), user_id): a batch's learners with their report fields
 * copied in, so reports and dashboards read one partition and never join.
 */
@Repository
public class BatchEnrolmentRepository {

    private static final String PROFILE_SET = "user_name = ?, email = ?, org_name = ?, school_id = ?, school_name = ?,"
            + " district = ?, state = ?, block = ?, cluster = ?, user_type = ?, user_sub_type = ?";
    private static final String KEY = " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?";
    private final CqlSession session;
    private final PreparedStatement enrol;
    private final PreparedStatement setActive;
    private final PreparedStatement lastRead;
    private final PreparedStatement profile;

    public BatchEnrolmentRepository(CqlSession session) {
        this.session = session;
        this.enrol = session.prepare("UPDATE enrolments_by_batch SET course_name = ?, batch_name = ?,"
                + " enrolled_date = ?, active = true, leaf_nodes_count = ?, updated_at = ?, " + PROFILE_SET + KEY);
        this.setActive = session.prepare("UPDATE enrolments_by_batch SET active = ?, updated_at = ?" + KEY);
        this.lastRead = session.prepare(UserEnrolmentRepository.LastRead.CQL.formatted("enrolments_by_batch") + KEY);
        this.profile = session.prepare("UPDATE enrolments_by_batch SET " + PROFILE_SET + KEY);
    }

    public Mono<Void> enrol(String tenant, String courseId, String batchId, Profile user, String courseName,
                            String batchName, int leafNodesCount, Instant at) {
        Object[] head = {courseName, batchName, at, leafNodesCount, at};
        return Cql.execute(session, enrol.bind(concat(head, user.values(), key(tenant, courseId, batchId, user.userId()))));
    }

    public Mono<Void> setActive(String tenant, String courseId, String batchId, String userId, boolean active) {
        return Cql.execute(session, setActive.bind(concat(new Object[]{active, Instant.now()}, new Object[0],
                key(tenant, courseId, batchId, userId))));
    }

    public BoundStatement lastRead(String tenant, String courseId, String batchId, String userId,
                                   UserEnrolmentRepository.LastRead read) {
        return lastRead.bind(concat(new Object[]{read.writeTimestamp(), read.contentId(), read.status(), read.at()},
                new Object[0], key(tenant, courseId, batchId, userId)));
    }

    /** Refreshes the copied report fields after a profile change. */
    public Mono<Void> refreshProfile(String tenant, String courseId, String batchId, Profile user) {
        return Cql.execute(session, profile.bind(concat(new Object[0], user.values(),
                key(tenant, courseId, batchId, user.userId()))));
    }

    private static Object[] key(String tenant, String courseId, String batchId, String userId) {
        return new Object[]{tenant, courseId, batchId, userId};
    }

    private static Object[] concat(Object[] a, Object[] b, Object[] c) {
        Object[] out = new Object[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
