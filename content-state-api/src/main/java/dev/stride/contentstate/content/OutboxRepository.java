package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.core.event.Json;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table content_state_outbox ((tenant, bucket), created_at, event_id): events written before the Kafka publish and
 * deleted once it is acknowledged (by OutboxDeletes, coalesced). bucket = epoch minute, so the relay's reads stay on
 * small recent partitions.
 */
@Repository
public class OutboxRepository {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement olderThan;
    private final SimpleStatement partitions;

    public record Row(String tenant, long bucket, Instant createdAt, String eventId, String topic, String key,
                      PendingEvent pending) {
    }

    public OutboxRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO content_state_outbox (tenant, bucket, created_at, event_id, topic,"
                + " key, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM content_state_outbox WHERE tenant = ? AND bucket = ?"
                + " AND created_at = ? AND event_id = ?");
        this.olderThan = session.prepare("SELECT tenant, bucket, created_at, event_id, topic, key, payload"
                + " FROM content_state_outbox WHERE tenant = ? AND bucket = ? AND created_at < ?");
        this.partitions = SimpleStatement.newInstance("SELECT DISTINCT tenant, bucket FROM content_state_outbox");
    }

    public static Row row(PendingEvent p, String topic, String key) {
        return new Row(p.tenantId(), p.ingestTime().getEpochSecond() / 60, p.ingestTime(), p.eventId(), topic, key, p);
    }

    /** The rows of one request share its (tenant, bucket) partition: one round trip, one mutation. */
    public Mono<Void> insertAll(List<Row> rows) {
        return Flux.fromIterable(byPartition(rows))
                .flatMap(part -> Cql.executeInOnePartition(session, part.stream().map(this::bindInsert).toList()))
                .then();
    }

    private BoundStatement bindInsert(Row r) {
        return insert.bind(r.tenant(), r.bucket(), r.createdAt(), r.eventId(), r.topic(), r.key(), Json.write(r.pending()));
    }

    public Mono<Void> delete(Row r) {
        return Cql.execute(session, delete.bind(r.tenant(), r.bucket(), r.createdAt(), r.eventId()));
    }

    /**
     * Deletes {@code rows} with one unlogged batch per (tenant, bucket) partition, at most {@code maxPerBatch} rows
     * each: concurrent requests of a tenant share the minute's partition, so many deletes become one mutation.
     * Completes with the number of batches sent.
     */
    public Mono<Long> deleteAll(List<Row> rows, int maxPerBatch) {
        return Flux.fromIterable(byPartition(rows))
                .flatMapIterable(part -> chunks(part, maxPerBatch))
                .flatMap(chunk -> Cql.executeInOnePartition(session, chunk.stream()
                        .map(r -> delete.bind(r.tenant(), r.bucket(), r.createdAt(), r.eventId())).toList())
                        .thenReturn(1L), 4)
                .count();
    }

    private static Collection<List<Row>> byPartition(List<Row> rows) {
        Map<String, List<Row>> parts = new LinkedHashMap<>();
        for (Row r : rows) {
            parts.computeIfAbsent(r.tenant() + '\u0000' + r.bucket(), p -> new ArrayList<>()).add(r);
        }
        return parts.values();
    }

    private static List<List<Row>> chunks(List<Row> rows, int size) {
        List<List<Row>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += size) {
            out.add(rows.subList(i, Math.min(rows.size(), i + size)));
        }
        return out;
    }

    /**
     * Rows created before {@code cutoff}, over every (tenant, bucket) partition that still holds a live row.
     * The DISTINCT scan is over partition keys of a table that is empty while Kafka is healthy.
     */
    public Flux<Row> olderThan(Instant cutoff) {
        return Cql.rows(session, partitions)
                .flatMap(p -> Cql.rows(session, olderThan.bind(p.getString("tenant"), p.getLong("bucket"), cutoff)), 4)
                .map(r -> new Row(r.getString("tenant"), r.getLong("bucket"), r.getInstant("created_at"),
                        r.getString("event_id"), r.getString("topic"), r.getString("key"),
                        Json.read(r.getString("payload"), PendingEvent.class)));
    }
}
