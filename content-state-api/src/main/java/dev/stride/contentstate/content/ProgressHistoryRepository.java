package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import org.springframework.stereotype.Repository;
import java.util.List;
import java.util.function.Function;

/**
 * Table progress_history ((tenant, user_id, course_id, batch_id), event_time, event_id): the append-only audit trail.
 * event_id is the fact's id, so a redelivered update rewrites its own row instead of adding one.
 */
@Repository
public class ProgressHistoryRepository {

    public static final String SOURCE = "content-state-api";
    private final PreparedStatement insert;

    public ProgressHistoryRepository(CqlSession session) {
        this.insert = session.prepare("INSERT INTO progress_history (tenant, user_id, course_id, batch_id, event_time,"
                + " event_id, content_id, event_type, status, progress, source, ingested_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'content-state', ?, ?, '" + SOURCE + "', ?, ?)");
    }

    /** The history rows of one enrolment's facts; same partition key as the facts (see EnrolmentWrites). */
    public List<BoundStatement> appends(EnrolmentKey k, List<Fact> facts, Function<Fact, String> payload) {
        return facts.stream().map(f -> insert.bind(k.tenant(), k.userId(), k.courseId(), k.batchId(), f.lastAccessTime(),
                f.requestId(), f.contentId(), f.status(), f.progress(), f.recordedAt(), payload.apply(f))).toList();
    }
}
