package dev.stride.contentstate.kafka;

import dev.stride.contentstate.config.StrideProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the service's topics when missing (course structure compacted: its consumers need the latest tree per
 * course forever). Runs once at startup; a broker that is down then is only logged, the outbox covers it.
 */
@Component
public class TopicInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private final StrideProperties.Kafka kafka;

    public TopicInitializer(StrideProperties props) {
        this.kafka = props.kafka();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<NewTopic> topics = List.of(
                new NewTopic(kafka.contentStateTopic(), kafka.partitions(), kafka.replicationFactor()),
                new NewTopic(kafka.courseStructureTopic(), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                    log.info("Created topic {}", topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        log.warn("Cannot create topic {}: {}", topic.name(), e.getCause().toString());
                    }
                }
            }
        } catch (Exception e) {
            log.warn("Kafka topic check failed at startup: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
