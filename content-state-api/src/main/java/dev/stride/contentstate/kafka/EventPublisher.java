package dev.stride.contentstate.kafka;

import dev.stride.api.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Publishes one record and completes when the broker acknowledged it; fails with 503 within the publish timeout
 * (the producer's delivery.timeout.ms and max.block.ms end every wait, and it calls back exactly once).
 *
 * <p>{@code send()} waits for the topic's metadata when the producer has none (first use, Kafka down at start, or
 * {@link #METADATA_IDLE} without a send), so until a send to the topic has been acknowledged recently it runs on a
 * bounded-elastic thread, never on an event loop. After that it runs on the caller's thread: one thread hand-off
 * fewer per request (session 14 in docs/BENCHMARKS.md).
 */
@Component
public class EventPublisher {

    /** The producer's metadata.max.idle.ms: a topic unused this long is dropped from its metadata. */
    public static final Duration METADATA_IDLE = Duration.ofMinutes(5);
    // Half the idle time: a topic acknowledged within it certainly still has metadata.
    private static final long INLINE_WINDOW_NANOS = METADATA_IDLE.toNanos() / 2;

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    private final Producer<String, byte[]> producer;
    private final MeterRegistry meters;
    private final Scheduler offload;
    private final LongSupplier nanoClock;
    private final Map<String, TopicState> topics = new ConcurrentHashMap<>();

    @Autowired
    public EventPublisher(Producer<String, byte[]> producer, MeterRegistry meters) {
        this(producer, meters, Schedulers.boundedElastic(), System::nanoTime);
    }

    EventPublisher(Producer<String, byte[]> producer, MeterRegistry meters, Scheduler offload, LongSupplier nanoClock) {
        this.producer = producer;
        this.meters = meters;
        this.offload = offload;
        this.nanoClock = nanoClock;
    }

    public Mono<RecordMetadata> publish(String topic, String key, byte[] value) {
        TopicState state = topics.computeIfAbsent(topic, t -> new TopicState(
                meters.counter("stride.kafka.published", "topic", t), nanoClock.getAsLong() - 2 * INLINE_WINDOW_NANOS));
        Mono<RecordMetadata> send = Mono.create(sink -> producer.send(new ProducerRecord<>(topic, key, value), (md, e) -> {
            if (e != null) {
                sink.error(e);
            } else {
                sink.success(md);
            }
        }));
        if (nanoClock.getAsLong() - state.lastAckNanos >= INLINE_WINDOW_NANOS) {
            send = send.subscribeOn(offload);
        }
        return send
                .doOnSuccess(md -> {
                    state.lastAckNanos = nanoClock.getAsLong();
                    state.published.increment();
                })
                .onErrorMap(e -> !(e instanceof ApiException), e -> {
                    meters.counter("stride.kafka.publish.failures", "topic", topic).increment();
                    log.warn("Kafka publish to {} failed: {}", topic, e.toString());
                    return ApiException.unavailable("SERVICE_UNAVAILABLE",
                            "the event bus is unavailable; the update is stored and the request is safe to retry");
                });
    }

    private static final class TopicState {
        final Counter published;
        volatile long lastAckNanos;

        TopicState(Counter published, long lastAckNanos) {
            this.published = published;
            this.lastAckNanos = lastAckNanos;
        }
    }
}
