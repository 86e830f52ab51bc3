package dev.stride.samza.druidfeed;

import org.apache.samza.config.Config;

/** The Druid feed's own settings ({@code stride.*} keys of druid-feed.properties). */
public record DruidFeedConfig(String contentStateTopic, String courseStructureTopic, String enrolmentProgressTopic,
                              String learnerProgressOutput, String enrolmentProgressOutput, int topicPartitions,
                              short topicReplication) {

    public static final String CONTENT_STATE_TOPIC = "stride.topic.content-state";
    public static final String COURSE_STRUCTURE_TOPIC = "stride.topic.course-structure";
    public static final String ENROLMENT_PROGRESS_TOPIC = "stride.topic.enrolment-progress";
    public static final String LEARNER_PROGRESS_OUTPUT = "stride.topic.druid-learner-progress";
    public static final String ENROLMENT_PROGRESS_OUTPUT = "stride.topic.druid-enrolment-progress";
    public static final String TOPIC_PARTITIONS = "stride.topic.partitions";
    public static final String TOPIC_REPLICATION = "stride.topic.replication-factor";

    public static DruidFeedConfig from(Config c) {
        return new DruidFeedConfig(
                c.get(CONTENT_STATE_TOPIC, "stride.content-state"),
                c.get(COURSE_STRUCTURE_TOPIC, "stride.course-structure"),
                c.get(ENROLMENT_PROGRESS_TOPIC, "stride.enrolment-progress"),
                c.get(LEARNER_PROGRESS_OUTPUT, "stride.druid.learner-progress"),
                c.get(ENROLMENT_PROGRESS_OUTPUT, "stride.druid.enrolment-progress"),
                c.getInt(TOPIC_PARTITIONS, 3),
                c.getShort(TOPIC_REPLICATION, (short) 1));
    }
}
