package dev.stride.contentstate.kafka;

import dev.stride.api.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

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

    private final Scheduler offload = Schedulers.newSingle("offload");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        offload.dispose();
    }

    @Test
    void sendsOffTheCallersThreadUntilTheTopicWasAcknowledgedThenOnItUntilItIdles() {
        var producer = new ThreadRecordingProducer();
        var publisher = new EventPublisher(producer, meters, offload, nanos::get);
        String caller = Thread.currentThread().getName();

        publisher.publish("events", "k", new byte[]{1}).block(WAIT); // no metadata yet: send() may block
        publisher.publish("events", "k", new byte[]{2}).block(WAIT);
        nanos.addAndGet(EventPublisher.METADATA_IDLE.toNanos() / 2 - 1);
        publisher.publish("events", "k", new byte[]{3}).block(WAIT);
        nanos.addAndGet(EventPublisher.METADATA_IDLE.toNanos() / 2); // half the idle time since the last ack
        publisher.publish("events", "k", new byte[]{4}).block(WAIT);
        publisher.publish("other-topic", "k", new byte[]{5}).block(WAIT); // each topic on its own

        assertThat(producer.sendThreads).hasSize(5);
        assertThat(producer.sendThreads.get(0)).startsWith("offload");
        assertThat(producer.sendThreads.subList(1, 3)).containsOnly(caller);
        assertThat(producer.sendThreads.get(3)).startsWith("offload");
        assertThat(producer.sendThreads.get(4)).startsWith("offload");
        assertThat(producer.history()).hasSize(5);
        assertThat(meters.counter("stride.kafka.published", "topic", "events").count()).isEqualTo(4);
    }

    @Test
    void aFailedSendIsA503AndDoesNotLetTheNextSendRunInline() {
        var producer = new ThreadRecordingProducer();
        producer.sendException = new TimeoutException("Topic events not present in metadata after 5000 ms.");
        var publisher = new EventPublisher(producer, meters, offload, nanos::get);

        assertThatThrownBy(() -> publisher.publish("events", "k", new byte[]{1}).block(WAIT))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(503));
        producer.sendException = null;
        publisher.publish("events", "k", new byte[]{2}).block(WAIT);

        assertThat(producer.sendThreads).allSatisfy(t -> assertThat(t).startsWith("offload"));
        assertThat(meters.counter("stride.kafka.publish.failures", "topic", "events").count()).isEqualTo(1);
        assertThat(meters.counter("stride.kafka.published", "topic", "events").count()).isEqualTo(1);
    }
}
