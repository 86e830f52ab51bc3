package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.core.completion.AssessmentAttempt;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;

/** Table assessment_attempts ((tenant, user_id, course_id, batch_id), content_id, attempt_id). */
@Repository
public class AssessmentAttemptRepository {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement byEnrolment;

    public AssessmentAttemptRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO assessment_attempts (tenant, user_id, course_id, batch_id, content_id,"
                + " attempt_id, assessment_ts, total_score, total_max_score, question_responses, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.byEnrolment = session.prepare("SELECT content_id, attempt_id, assessment_ts, total_score, total_max_score"
                + " FROM assessment_attempts WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
    }

    /** The attempt's row; same partition key as the enrolment's facts (see EnrolmentWrites). */
    public BoundStatement insert(EnrolmentKey k, ContentStateEvent.Attempt a, Instant at) {
        return insert.bind(k.tenant(), k.userId(), k.courseId(), k.batchId(), a.contentId(), a.attemptId(),
                a.assessmentTs(), a.totalScore(), a.totalMaxScore(), Json.write(a.questions()), at);
    }

    public Flux<AssessmentAttempt> attempts(EnrolmentKey k) {
        return Cql.rows(session, byEnrolment.bind(k.tenant(), k.userId(), k.courseId(), k.batchId()))
                .map(r -> new AssessmentAttempt(r.getString("content_id"), r.getString("attempt_id"),
                        r.getInstant("assessment_ts"), r.getDouble("total_score"), r.getDouble("total_max_score")));
    }
}
