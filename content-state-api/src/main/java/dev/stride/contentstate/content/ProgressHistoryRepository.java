package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.core.event.Json;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.List;

/**
 * Table progress_history ((tenant, user_id, course_id, batch_id), event_time, event_id): the append-only audit trail,
 * one row per event (what one enrolment accepted of a request, published as one Kafka event): event_time is the
 * event's time, event_id its id (the Kafka event's), so a redelivered request rewrites its own row instead of adding
 * one. payload lists every accepted content as received; content_id, status and progress repeat it when there is one.
 * One row per event rather than per content: the per-content rows were ~half of the bytes the write path stored, and
 * the API bench's slow seconds sit on the flushes and compactions those bytes cause.
 */
@Repository
public class ProgressHistoryRepository {

    public static final String SOURCE = "content-state-api";
    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement find;

    /** A content as the request carried it (course and batch are the row's key). */
    public record Received(String contentId, Integer status, Integer progress, String lastAccessTime,
                           JsonNode progressdetails) {

        static Received of(UpdateRequest.Content c) {
            return new Received(c.contentId(), c.status(), c.progress(), c.lastAccessTime(), c.progressdetails());
        }
    }

    public ProgressHistoryRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO progress_history (tenant, user_id, course_id, batch_id, event_time,"
                + " event_id, content_id, event_type, status, progress, source, ingested_at, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'content-state', ?, ?, '" + SOURCE + "', ?, ?)");
        this.find = session.prepare("SELECT event_id FROM progress_history WHERE tenant = ? AND user_id = ?"
                + " AND course_id = ? AND batch_id = ? AND event_time = ? AND event_id = ?");
    }

    /**
     * The history row of one event; same partition key as its facts (see EnrolmentWrites). Absent fields stay unset
     * (no tombstone cells): a redelivery rewrites the row with the same values.
     */
    public BoundStatement append(PendingEvent p, Collection<UpdateRequest.Content> received) {
        List<Received> contents = received.stream().map(Received::of).toList();
        Received single = contents.size() == 1 ? contents.get(0) : null;
        return Cql.bindPresent(insert, p.tenantId(), p.userId(), p.courseId(), p.batchId(), p.eventTime(), p.eventId(),
                single == null ? null : single.contentId(), single == null ? null : single.status(),
                single == null ? null : single.progress(), p.ingestTime(), Json.write(contents));
    }

    /** Whether the event's row was written: it is written with the event's facts, in one mutation (EnrolmentWrites). */
    public Mono<Boolean> exists(PendingEvent p) {
        return Cql.rows(session, find.bind(p.tenantId(), p.userId(), p.courseId(), p.batchId(), p.eventTime(),
                p.eventId())).hasElements();
    }
}
