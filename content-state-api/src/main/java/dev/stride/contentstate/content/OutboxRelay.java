package dev.stride.contentstate.content;

import dev.stride.contentstate.config.StrideProperties;
import dev.stride.contentstate.kafka.EventPublisher;
import dev.stride.core.event.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Republishes events whose request stored its facts but could not publish (Kafka down, instance crash), then
 * deletes their outbox rows. A row whose request stored nothing (no history row for its event: the group was refused
 * after its speculative insert, or the request failed before its writes) is deleted unpublished. It reads forward from
 * each tenant's checkpoint, never the whole table, and in slices of stride.outbox.relay-slice: the deletes of published
 * rows leave tombstones, and a read that passes 100,000 of them is aborted by Cassandra. The event id is stable, so a
 * row republished while its request is still publishing is a duplicate that consumers drop. Runs on the scheduler
 * thread, never on an event loop.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final OutboxRepository outbox;
    private final ProgressHistoryRepository history;
    private final EventAssembler assembler;
    private final EventPublisher publisher;
    private final StrideProperties.Outbox config;

    public OutboxRelay(OutboxRepository outbox, ProgressHistoryRepository history, EventAssembler assembler,
                       EventPublisher publisher, StrideProperties props) {
        this.outbox = outbox;
        this.history = history;
        this.assembler = assembler;
        this.publisher = publisher;
        this.config = props.outbox();
    }

    @Scheduled(initialDelayString = "${stride.outbox.relay-interval:PT5S}", fixedDelayString = "${stride.outbox.relay-interval:PT5S}")
    public void sweep() {
        if (config.relayEnabled()) {
            relayOlderThan(Instant.now().minus(config.minAge())).block(Duration.ofMinutes(5));
        }
    }

    /**
     * Publishes (when its request stored its event) and deletes every row created before {@code cutoff}, per tenant
     * from its checkpoint (less relayOverlap, for rows inserted after their creation time: a stalled request, a lagging
     * clock) on, then moves the checkpoint to {@code cutoff}, or relayCatchUp past it when the tenant is further behind;
     * a tenant stops at its first failed publish, leaving its checkpoint where it was, and the sweep goes on with the
     * next tenant. Completes with the number published.
     */
    public Mono<Long> relayOlderThan(Instant cutoff) {
        return outbox.checkpoints()
                .concatMap(c -> relayTenant(c, cutoff)
                        // one tenant's failure keeps its checkpoint and does not hold up the tenants after it
                        .onErrorResume(e -> {
                            log.warn("Outbox relay stopped for tenant {}: {}", c.tenant(), e.toString());
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Outbox relay republished {} event(s)", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Outbox relay stopped: {}", e.toString());
                    return Mono.just(0L);
                });
    }

    private Mono<Long> relayTenant(OutboxRepository.Checkpoint c, Instant cutoff) {
        Instant catchUp = c.cleanBefore().plus(config.relayCatchUp());
        Instant until = cutoff.isBefore(catchUp) ? cutoff : catchUp;
        return outbox.between(c.tenant(), c.cleanBefore().minus(config.relayOverlap()), until, config.relaySlice())
                .concatMap(row -> history.exists(row.pending()).flatMap(stored -> stored
                        ? assembler.assemble(row.pending())
                                .flatMap(event -> publisher.publish(row.topic(), row.key(), Json.writeBytes(event)))
                                .then(outbox.delete(row))
                                .thenReturn(row)
                        : dropped(row)))
                .count()
                .flatMap(n -> until.isAfter(c.cleanBefore()) ? outbox.advance(c.tenant(), until).thenReturn(n) : Mono.just(n));
    }

    /** Deletes a row whose request stored nothing; completes empty, so the sweep's count is of published events. */
    private Mono<OutboxRepository.Row> dropped(OutboxRepository.Row row) {
        log.info("Outbox relay dropped event {} of tenant {} unpublished: its request stored nothing",
                row.eventId(), row.tenant());
        return outbox.delete(row).then(Mono.empty());
    }
}
