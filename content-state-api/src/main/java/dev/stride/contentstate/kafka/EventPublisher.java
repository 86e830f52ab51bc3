package dev.stride.contentstate.kafka;

import dev.stride.contentstate.config.StrideProperties;
import dev.stride.api.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/** Publishes one record and completes when the broker acknowledged it; fails with 503 within the bound. */
@Component
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    private final Producer<String, byte[]> producer;
    private final MeterRegistry meters;
    private final Duration bound;

    public EventPublisher(Producer<String, byte[]> producer, MeterRegistry meters, StrideProperties props) {
        this.producer = producer;
        this.meters = meters;
        // The producer's own timeouts end every wait; the extra second only guards against a stuck callback.
        this.bound = props.kafka().publishTimeout().plusSeconds(1);
    }

    public Mono<RecordMetadata> publish(String topic, String key, byte[] value) {
        return Mono.<RecordMetadata>create(sink -> producer.send(new ProducerRecord<>(topic, key, value), (md, e) -> {
                    if (e != null) {
                        sink.error(e);
                    } else {
                        sink.success(md);
                    }
                }))
                // send() blocks up to max.block.ms while metadata is missing (broker down): never on an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .name("kafka-publish") // timeout() names itself from this; unnamed, it derives a name by regex per call
                .timeout(bound)
                .doOnSuccess(md -> meters.counter("stride.kafka.published", "topic", topic).increment())
                .onErrorMap(e -> !(e instanceof ApiException), e -> {
                    meters.counter("stride.kafka.publish.failures", "topic", topic).increment();
                    log.warn("Kafka publish to {} failed: {}", topic, e.toString());
                    return ApiException.unavailable("SERVICE_UNAVAILABLE",
                            "the event bus is unavailable; the update is stored and the request is safe to retry");
                });
    }
}
