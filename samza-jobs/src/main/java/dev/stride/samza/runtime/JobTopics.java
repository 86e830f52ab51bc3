package dev.stride.samza.runtime;

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
 * Before a job starts: creates its topics when missing and names every partition of one topic (the course trees) as a
 * broadcast input, so every task sees every tree.
 */
public final class JobTopics {

    private JobTopics() {
    }

    /** A compacted topic (latest value per key), as content-state-api creates the course-structure topic. */
    public static NewTopic compacted(String name, int partitions, short replication) {
        return new NewTopic(name, partitions, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates the missing {@code topics}; returns the {@code task.broadcast.inputs} value for {@code broadcastTopic}. */
    public static String prepare(String bootstrapServers, List<NewTopic> topics, String system, String broadcastTopic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause(), e);
                    }
                }
            }
            int partitions = admin.describeTopics(List.of(broadcastTopic)).all()
                    .get(30, TimeUnit.SECONDS).get(broadcastTopic).partitions().size();
            return broadcastInputs(system, broadcastTopic, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer: " + e, e);
        }
    }

    public static String broadcastInputs(String system, String topic, int partitions) {
        return system + "." + topic + "#" + (partitions == 1 ? "0" : "[0-" + (partitions - 1) + "]");
    }
}
