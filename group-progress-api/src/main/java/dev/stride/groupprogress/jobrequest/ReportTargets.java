package dev.stride.groupprogress.jobrequest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What a report request names must exist in the caller's tenant: batch_by_id ((tenant, batch_id)), course_structure ((tenant, course_id)). */
@Repository
public class ReportTargets {

    private final CqlSession session;
    private final PreparedStatement batchCourse;
    private final PreparedStatement course;

    public ReportTargets(CqlSession session) {
        this.session = session;
        this.batchCourse = session.prepare("SELECT course_id FROM " + StrideTables.BATCH_BY_ID
                + " WHERE tenant = ? AND batch_id = ?");
        this.course = session.prepare("SELECT course_id FROM " + StrideTables.COURSE_STRUCTURE
                + " WHERE tenant = ? AND course_id = ?");
    }

    /** The batch's course id; empty when the tenant has no such batch. */
    public Mono<String> courseOfBatch(String tenant, String batchId) {
        return Cql.one(session, batchCourse.bind(tenant, batchId)).mapNotNull(r -> r.getString("course_id"));
    }

    public Mono<Boolean> courseExists(String tenant, String courseId) {
        return Cql.one(session, course.bind(tenant, courseId)).hasElement();
    }
}
