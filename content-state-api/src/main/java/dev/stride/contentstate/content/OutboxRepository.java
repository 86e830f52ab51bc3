package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.core.event.Json;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table content_state_outbox ((tenant, bucket), created_at, event_id): events written before the Kafka publish and
 * deleted once it is acknowledged (by OutboxDeletes, coalesced). bucket = epoch minute, so the relay's reads stay on
 * small recent partitions. Table content_state_outbox_tenants ((tenant)): the relay's per-tenant checkpoint.
 */
@Repository
public class OutboxRepository {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement range;
    private final PreparedStatement register;
    private final PreparedStatement tenants;
    private final PreparedStatement advance;
    /** Tenants this process registered (or is registering): the LWT runs once per tenant and process. */
    private final Map<String, Mono<Void>> registered = new ConcurrentHashMap<>();

    public record Row(String tenant, long bucket, Instant createdAt, String eventId, String topic, String key,
                      PendingEvent pending) {
    }

    public OutboxRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO content_state_outbox (tenant, bucket, created_at, event_id, topic,"
                + " key, payload) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM content_state_outbox WHERE tenant = ? AND bucket = ?"
                + " AND created_at = ? AND event_id = ?");
        this.range = session.prepare("SELECT tenant, bucket, created_at, event_id, topic, key, payload"
                + " FROM content_state_outbox WHERE tenant = ? AND bucket = ? AND created_at >= ? AND created_at < ?");
        this.register = session.prepare("INSERT INTO content_state_outbox_tenants (tenant, clean_before) VALUES (?, ?)"
                + " IF NOT EXISTS");
        this.tenants = session.prepare("SELECT tenant, clean_before FROM content_state_outbox_tenants");
        this.advance = session.prepare("UPDATE content_state_outbox_tenants SET clean_before = ? WHERE tenant = ?");
    }

    /** A row created when its request arrived (tests; a relay window must then cover the request's whole wait). */
    public static Row row(PendingEvent p, String topic, String key) {
        return row(p, topic, key, p.ingestTime());
    }

    /**
     * A row created at {@code createdAt}: the write path passes the moment before its insert, so a row lands at most the
     * insert's own latency after its creation time and the relay's overlap need not cover the request's earlier reads.
     */
    public static Row row(PendingEvent p, String topic, String key, Instant createdAt) {
        return new Row(p.tenantId(), bucket(createdAt), createdAt, p.eventId(), topic, key, p);
    }

    /** The rows of one request share its (tenant, bucket) partition: one round trip, one mutation. */
    public Mono<Void> insertAll(List<Row> rows) {
        return Flux.fromIterable(byPartition(rows))
                .flatMap(part -> registered(part.get(0).tenant())
                        .then(Cql.executeInOnePartition(session, part.stream().map(this::bindInsert).toList())))
                .then();
    }

    /**
     * The tenant's relay checkpoint row exists before its first outbox row: the relay finds tenants there. A new
     * tenant starts clean a minute back (rows of a request are created when it arrived, a moment earlier).
     */
    private Mono<Void> registered(String tenant) {
        return registered.computeIfAbsent(tenant, t -> Cql.execute(session,
                        register.bind(t, Instant.now().minus(Duration.ofMinutes(1))))
                .doOnError(e -> registered.remove(t))
                .cache());
    }

    /** A tenant that wrote outbox rows, and the time before which its rows were all published. */
    public record Checkpoint(String tenant, Instant cleanBefore) {
    }

    public Flux<Checkpoint> checkpoints() {
        // clean_before is written with the tenant's row; were it ever missing, a day back is searched
        return Cql.rows(session, tenants.bind()).map(r -> new Checkpoint(r.getString(0),
                r.isNull(1) ? Instant.now().minus(Duration.ofDays(1)) : r.getInstant(1)));
    }

    public Mono<Void> advance(String tenant, Instant cleanBefore) {
        return Cql.execute(session, advance.bind(cleanBefore, tenant));
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
     * The tenant's rows with {@code from <= created_at < to}, oldest first, one clustering range per {@link #slices
     * slice}: the tombstones of earlier deletes outside the window are never read, and one read passes at most a
     * slice's worth of those inside it.
     */
    public Flux<Row> between(String tenant, Instant from, Instant to, Duration slice) {
        return Flux.fromIterable(slices(from, to, slice))
                .concatMap(s -> Cql.rows(session, range.bind(tenant, s.bucket(), s.from(), s.to())))
                .map(r -> new Row(r.getString(0), r.getLong(1), r.getInstant(2), r.getString(3), r.getString(4),
                        r.getString(5), Json.read(r.getString(6), PendingEvent.class)));
    }

    /** A clustering range {@code from <= created_at < to} inside one minute partition. */
    record Slice(long bucket, Instant from, Instant to) {
    }

    /** Cuts {@code [from, to)} into contiguous slices of at most {@code slice}, none crossing a minute partition. */
    static List<Slice> slices(Instant from, Instant to, Duration slice) {
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("stride.outbox.relay-slice must be positive, was " + slice);
        }
        List<Slice> out = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); ) {
            long bucket = bucket(start);
            Instant end = min(min(start.plus(slice), Instant.ofEpochSecond((bucket + 1) * 60)), to);
            out.add(new Slice(bucket, start, end));
            start = end;
        }
        return out;
    }

    /** The minute partition of a row created at {@code at}. */
    private static long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
