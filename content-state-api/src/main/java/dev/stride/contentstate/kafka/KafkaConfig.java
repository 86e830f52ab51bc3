package dev.stride.contentstate.kafka;

import dev.stride.contentstate.config.StrideProperties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** One idempotent, acks=all producer per instance; every wait it can do is bounded by the publish timeout. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> producer(StrideProperties props) {
        int timeoutMs = (int) props.kafka().publishTimeout().toMillis();
        Map<String, Object> config = Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafka().bootstrapServers()),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 2),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                // delivery.timeout.ms must be >= linger.ms + request.timeout.ms
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs - 100)),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs),
                // EventPublisher sends inline only while it knows the producer holds the topic's metadata
                Map.entry(ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) EventPublisher.METADATA_IDLE.toMillis()),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new KafkaProducer<>(config);
    }
}
