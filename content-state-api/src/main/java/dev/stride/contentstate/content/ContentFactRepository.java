package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Table user_content_consumption ((tenant, user_id, course_id, batch_id), content_id, request_id): one fact row per
 * distinct update; a content's state is the fold of its rows with progress-core's merge (see V001's comment).
 */
@Repository
public class ContentFactRepository {

    private static final String SELECT = "SELECT content_id, request_id, status, progress, last_access_time,"
            + " progress_details, recorded_at FROM user_content_consumption"
            + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?";
    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement all;
    private final PreparedStatement some;

    public ContentFactRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO user_content_consumption (tenant, user_id, course_id, batch_id,"
                + " content_id, request_id, status, progress, last_access_time, last_completed_time, progress_details,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.all = session.prepare(SELECT);
        this.some = session.prepare(SELECT + " AND content_id IN ?");
    }

    /**
     * The inserts of one enrolment's facts; they share the enrolment's partition key (see EnrolmentWrites). Absent
     * fields stay unset: a fact row is immutable, and a null would be a tombstone cell that every read of the
     * enrolment counts (two per fact of an unfinished content sent without progressdetails).
     */
    public List<BoundStatement> inserts(EnrolmentKey k, List<Fact> facts) {
        return facts.stream().map(f -> Cql.bindPresent(insert, k.tenant(), k.userId(), k.courseId(), k.batchId(),
                f.contentId(), f.requestId(), f.status(), f.progress(), f.lastAccessTime(), f.lastCompletedTime(),
                f.progressDetails(), f.recordedAt())).toList();
    }

    /** Merged states by content id (sorted); {@code contentIds} null or empty means every content of the enrolment. */
    public Mono<Map<String, ContentState>> states(EnrolmentKey k, Collection<String> contentIds) {
        Flux<Row> rows = contentIds == null || contentIds.isEmpty()
                ? Cql.rows(session, all.bind(k.tenant(), k.userId(), k.courseId(), k.batchId()))
                : Cql.rows(session, some.bind(k.tenant(), k.userId(), k.courseId(), k.batchId(), List.copyOf(contentIds)));
        return rows.map(ContentFactRepository::fact)
                .reduce(new TreeMap<String, ContentState>(), (m, f) -> {
                    m.merge(f.contentId(), f.toState(), ContentStateMerge::merge);
                    return m;
                })
                .map(m -> (Map<String, ContentState>) m);
    }

    /** By position in SELECT (cheaper than name lookups on the hot read-back). */
    private static Fact fact(Row r) {
        return new Fact(r.getString(0), r.getString(1), r.getInt(2), r.isNull(3) ? null : r.getInt(3), r.getInstant(4),
                r.getString(5), r.getInstant(6));
    }
}
