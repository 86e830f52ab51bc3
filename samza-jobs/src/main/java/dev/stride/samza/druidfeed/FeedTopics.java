package dev.stride.samza.druidfeed;

import dev.stride.samza.runtime.JobTopics;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;

/** The feed's input and output topics, created when missing; the course-structure topic is its broadcast input. */
final class FeedTopics {

    private FeedTopics() {
    }

    /** The {@code task.broadcast.inputs} value. */
    static String prepare(String bootstrapServers, DruidFeedConfig c) {
        return JobTopics.prepare(bootstrapServers, List.of(
                        new NewTopic(c.contentStateTopic(), c.topicPartitions(), c.topicReplication()),
                        JobTopics.compacted(c.courseStructureTopic(), c.topicPartitions(), c.topicReplication()),
                        new NewTopic(c.enrolmentProgressTopic(), c.topicPartitions(), c.topicReplication()),
                        new NewTopic(c.learnerProgressOutput(), c.topicPartitions(), c.topicReplication()),
                        new NewTopic(c.enrolmentProgressOutput(), c.topicPartitions(), c.topicReplication())),
                DruidFeedApp.SYSTEM, c.courseStructureTopic());
    }
}
