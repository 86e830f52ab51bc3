package dev.stride.samza.progress;

import dev.stride.samza.runtime.JobTopics;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** The aggregator's topics, created when missing; the course-structure topic is its broadcast input. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** The {@code task.broadcast.inputs} value for the course-structure topic of {@code c}. */
    public static String prepare(String bootstrapServers, AggregatorConfig c) {
        return JobTopics.prepare(bootstrapServers, List.of(
                        new NewTopic(c.contentStateTopic(), c.topicPartitions(), c.topicReplication()),
                        JobTopics.compacted(c.courseStructureTopic(), c.topicPartitions(), c.topicReplication()),
                        new NewTopic(c.enrolmentProgressTopic(), c.topicPartitions(), c.topicReplication()),
                        new NewTopic(c.courseCompletedTopic(), c.topicPartitions(), c.topicReplication())),
                ProgressAggregatorApp.Streams.SYSTEM, c.courseStructureTopic());
    }
}
