package dev.stride.groupprogress.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;

/** Table user_enrolments ((tenant, user_id), course_id, batch_id): one learner's enrolments with progress, one read. */
@Repository
public class EnrolmentReader {

    /** The progress columns of one enrolment. */
    public record Enrolment(String courseId, String batchId, String courseName, Integer status,
                            double completionPercentage, Instant lastAccessTime, Double totalScore) {
    }

    private final CqlSession session;
    private final PreparedStatement byUser;

    public EnrolmentReader(CqlSession session) {
        this.session = session;
        this.byUser = session.prepare("SELECT course_id, batch_id, course_name, status, completion_percentage,"
                + " last_access_time, total_score FROM " + StrideTables.USER_ENROLMENTS + " WHERE tenant = ? AND user_id = ?");
    }

    public Flux<Enrolment> ofUser(String tenant, String userId) {
        return Cql.rows(session, byUser.bind(tenant, userId)).map(EnrolmentReader::enrolment);
    }

    private static Enrolment enrolment(Row r) {
        return new Enrolment(r.getString("course_id"), r.getString("batch_id"), r.getString("course_name"),
                r.isNull("status") ? null : r.getInt("status"), r.getDouble("completion_percentage"),
                r.getInstant("last_access_time"), r.isNull("total_score") ? null : r.getDouble("total_score"));
    }
}
