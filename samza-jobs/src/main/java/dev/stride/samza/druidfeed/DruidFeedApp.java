package dev.stride.samza.druidfeed;

import org.apache.samza.application.TaskApplication;
import org.apache.samza.application.descriptors.TaskApplicationDescriptor;
import org.apache.samza.serializers.NoOpSerde;
import org.apache.samza.system.SystemStreamMetadata;
import org.apache.samza.system.kafka.descriptors.KafkaInputDescriptor;
import org.apache.samza.system.kafka.descriptors.KafkaOutputDescriptor;
import org.apache.samza.system.kafka.descriptors.KafkaSystemDescriptor;

/**
 * The Druid feed: content-state and enrolment-progress events become rows of the Druid topics. The course-structure
 * stream is a bootstrap input re-read from its start at every start (trees are kept in memory only); it is made a
 * broadcast input by {@link DruidFeedMain}, which knows its partition count. Inputs and outputs are raw JSON bytes.
 */
public final class DruidFeedApp implements TaskApplication {

    public static final String SYSTEM = "kafka";
    static final String COURSE_STRUCTURE_ID = "course-structure";

    @Override
    public void describe(TaskApplicationDescriptor app) {
        DruidFeedConfig c = DruidFeedConfig.from(app.getConfig());
        KafkaSystemDescriptor kafka = new KafkaSystemDescriptor(SYSTEM);
        KafkaInputDescriptor<Object> contentState = kafka.getInputDescriptor("content-state", new NoOpSerde<>())
                .withPhysicalName(c.contentStateTopic());
        KafkaInputDescriptor<Object> enrolmentProgress = kafka.getInputDescriptor("enrolment-progress", new NoOpSerde<>())
                .withPhysicalName(c.enrolmentProgressTopic());
        KafkaInputDescriptor<Object> courseStructure = kafka.getInputDescriptor(COURSE_STRUCTURE_ID, new NoOpSerde<>())
                .withPhysicalName(c.courseStructureTopic())
                .shouldBootstrap()
                .shouldResetOffset()
                .withOffsetDefault(SystemStreamMetadata.OffsetType.OLDEST);
        KafkaOutputDescriptor<Object> learnerOut = kafka.getOutputDescriptor("druid-learner-progress", new NoOpSerde<>())
                .withPhysicalName(c.learnerProgressOutput());
        KafkaOutputDescriptor<Object> enrolmentOut = kafka.getOutputDescriptor("druid-enrolment-progress", new NoOpSerde<>())
                .withPhysicalName(c.enrolmentProgressOutput());
        app.withInputStream(contentState)
                .withInputStream(enrolmentProgress)
                .withInputStream(courseStructure)
                .withOutputStream(learnerOut)
                .withOutputStream(enrolmentOut)
                .withTaskFactory(new DruidFeedTaskFactory(new DruidFeedTaskFactory.Wiring(SYSTEM,
                        c.courseStructureTopic(), c.enrolmentProgressTopic(), c.learnerProgressOutput(),
                        c.enrolmentProgressOutput())));
    }
}
