package dev.stride.groupprogress.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.List;

/**
 * Table user_enrolments ((tenant, user_id), course_id, batch_id): learners' enrolments with progress, read by partition
 * key only, a few learners' partitions per request ({@code user_id IN}).
 */
@Repository
public class EnrolmentReader {

    /** The progress columns of one enrolment (and whose it is). */
    public record Enrolment(String userId, String courseId, String batchId, String courseName, Integer status,
                            double completionPercentage, Instant lastAccessTime, Double totalScore) {
    }

    private final CqlSession session;
    private final PreparedStatement byUsers;

    public EnrolmentReader(CqlSession session) {
        this.session = session;
        this.byUsers = session.prepare("SELECT user_id, course_id, batch_id, course_name, status, completion_percentage,"
                + " last_access_time, total_score FROM " + StrideTables.USER_ENROLMENTS + " WHERE tenant = ? AND user_id IN ?");
    }

    /**
     * Several learners' partitions in one request: on a 2-core node 500 partitions read as 25 requests of 20 took
     * 15-30 ms against 30-700 ms as 500 single-partition requests (docs/BENCHMARKS.md, issue 4 session 3); the
     * per-request cost dominates such small partitions. Callers keep the lists short (tens): the coordinator reads
     * the partitions one by one and a longer IN only moves the waiting there.
     */
    public Flux<Enrolment> ofUsers(String tenant, List<String> userIds) {
        return Cql.rows(session, byUsers.bind(tenant, userIds)).map(EnrolmentReader::enrolment);
    }

    private static Enrolment enrolment(Row r) {
        return new Enrolment(r.getString("user_id"), r.getString("course_id"), r.getString("batch_id"), r.getString("course_name"),
                r.isNull("status") ? null : r.getInt("status"), r.getDouble("completion_percentage"),
                r.getInstant("last_access_time"), r.isNull("total_score") ? null : r.getDouble("total_score"));
    }
}
