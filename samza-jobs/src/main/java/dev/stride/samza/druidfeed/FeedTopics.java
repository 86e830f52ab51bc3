package dev.stride.samza.druidfeed;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before the feed starts: creates its topics when missing (course structure compacted, as content-state-api creates
 * it) and names every course-structure partition as a broadcast input, so every task knows every tree.
 */
final class FeedTopics {

    private FeedTopics() {
    }

    /** The {@code task.broadcast.inputs} value. */
    static String prepare(String bootstrapServers, DruidFeedConfig c) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic t : List.of(
                    new NewTopic(c.contentStateTopic(), c.topicPartitions(), c.topicReplication()),
                    new NewTopic(c.courseStructureTopic(), c.topicPartitions(), c.topicReplication())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(c.enrolmentProgressTopic(), c.topicPartitions(), c.topicReplication()),
                    new NewTopic(c.learnerProgressOutput(), c.topicPartitions(), c.topicReplication()),
                    new NewTopic(c.enrolmentProgressOutput(), c.topicPartitions(), c.topicReplication()))) {
                try {
                    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause(), e);
                    }
                }
            }
            int partitions = admin.describeTopics(List.of(c.courseStructureTopic())).all()
                    .get(30, TimeUnit.SECONDS).get(c.courseStructureTopic()).partitions().size();
            return DruidFeedApp.SYSTEM + "." + c.courseStructureTopic() + "#"
                    + (partitions == 1 ? "0" : "[0-" + (partitions - 1) + "]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer: " + e, e);
        }
    }
}
