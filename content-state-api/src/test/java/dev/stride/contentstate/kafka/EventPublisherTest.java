package dev.stride.contentstate.kafka;

import dev.stride.api.web.ApiException;
import dev.stride.contentstate.config.StrideProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final StrideProperties PROPS = new StrideProperties(new StrideProperties.Kafka("localhost:9092",
            "events", "structures", 3, (short) 1, Duration.ofSeconds(5)), null, null);

    /** Records the thread each send() ran on; acknowledges at once. */
    static final class ThreadRecordingProducer extends MockProducer<String, byte[]> {
        final List<String> sendThreads = new ArrayList<>();

        ThreadRecordingProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
            sendThreads.add(Thread.currentThread().getName());
            return super.send(record, callback);
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void sendsOffTheCallersThreadBecauseSendBlocksWithoutMetadataAndCountsTheAcknowledgedRecords() {
        var producer = new ThreadRecordingProducer();
        var publisher = new EventPublisher(producer, meters, PROPS);

        RecordMetadata md = publisher.publish("events", "k", new byte[]{1}).block(WAIT);
        publisher.publish("events", "k", new byte[]{2}).block(WAIT);

        assertThat(md).isNotNull();
        assertThat(md.topic()).isEqualTo("events");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("k", "k");
        assertThat(producer.sendThreads).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("boundedElastic"));
        assertThat(meters.counter("stride.kafka.published", "topic", "events").count()).isEqualTo(2);
    }

    @Test
    void aFailedSendIsA503SayingTheUpdateIsStoredAndIsCounted() {
        var producer = new ThreadRecordingProducer();
        producer.sendException = new TimeoutException("Topic events not present in metadata after 5000 ms.");
        var publisher = new EventPublisher(producer, meters, PROPS);

        assertThatThrownBy(() -> publisher.publish("events", "k", new byte[]{1}).block(WAIT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("the update is stored");
                });
        assertThat(meters.counter("stride.kafka.publish.failures", "topic", "events").count()).isEqualTo(1);
        assertThat(meters.counter("stride.kafka.published", "topic", "events").count()).isZero();
    }
}
