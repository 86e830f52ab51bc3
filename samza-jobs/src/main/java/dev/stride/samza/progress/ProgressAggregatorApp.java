package dev.stride.samza.progress;

import dev.stride.core.event.CourseStructureEvent;
import org.apache.samza.application.TaskApplication;
import org.apache.samza.application.descriptors.TaskApplicationDescriptor;
import org.apache.samza.serializers.KVSerde;
import org.apache.samza.serializers.NoOpSerde;
import org.apache.samza.serializers.StringSerde;
import org.apache.samza.storage.kv.descriptors.RocksDbTableDescriptor;
import org.apache.samza.system.descriptors.InputDescriptor;
import org.apache.samza.system.descriptors.OutputDescriptor;
import org.apache.samza.system.descriptors.StreamDescriptor;
import org.apache.samza.system.kafka.descriptors.KafkaSystemDescriptor;

import java.util.function.Function;

/**
 * The progress aggregator: a low-level task application keyed by {@code tenant|user|course|batch}. Inputs and outputs
 * are raw bytes (JSON events; keys are UTF-8 text); the four stores are RocksDB with changelogs (enrolment states in
 * {@link EnrolmentStateSerde}'s binary form). Job-level settings
 * (coordination, checkpoints, replication) live in {@code progress-aggregator.properties}; the course-structure stream is
 * made a broadcast input by {@link ProgressAggregatorMain}, which knows its partition count.
 */
public final class ProgressAggregatorApp implements TaskApplication {

    /** The job's four streams, all on one system (Kafka in production, the in-memory system in unit tests). */
    public record Streams(InputDescriptor<?, ?> contentState, InputDescriptor<?, ?> courseStructure,
                          OutputDescriptor<?, ?> enrolmentProgress, OutputDescriptor<?, ?> courseCompleted) {

        public static final String SYSTEM = "kafka";

        /** Kafka topics named by the job config. */
        public static Streams kafka(AggregatorConfig c) {
            KafkaSystemDescriptor kafka = new KafkaSystemDescriptor(SYSTEM);
            return new Streams(
                    kafka.getInputDescriptor("content-state", new NoOpSerde<>()).withPhysicalName(c.contentStateTopic()),
                    kafka.getInputDescriptor("course-structure", new NoOpSerde<>())
                            .withPhysicalName(c.courseStructureTopic()),
                    kafka.getOutputDescriptor("enrolment-progress", new NoOpSerde<>())
                            .withPhysicalName(c.enrolmentProgressTopic()),
                    kafka.getOutputDescriptor("course-completed", new NoOpSerde<>())
                            .withPhysicalName(c.courseCompletedTopic()));
        }
    }

    private final Function<AggregatorConfig, Streams> streams;
    private final ProgressSinkFactory sinkFactory;

    /** Production: Kafka streams, Cassandra sink. */
    public ProgressAggregatorApp() {
        this(Streams::kafka, CassandraProgressSink.FACTORY);
    }

    public ProgressAggregatorApp(Function<AggregatorConfig, Streams> streams, ProgressSinkFactory sinkFactory) {
        this.streams = streams;
        this.sinkFactory = sinkFactory;
    }

    @Override
    public void describe(TaskApplicationDescriptor app) {
        Streams s = streams.apply(AggregatorConfig.from(app.getConfig()));
        app.withInputStream(s.contentState())
                .withInputStream(s.courseStructure())
                .withOutputStream(s.enrolmentProgress())
                .withOutputStream(s.courseCompleted())
                .withTable(new RocksDbTableDescriptor<>(ProgressAggregatorTask.STATES,
                        KVSerde.of(new StringSerde(), new EnrolmentStateSerde())).withChangelogEnabled())
                .withTable(new RocksDbTableDescriptor<>(ProgressAggregatorTask.TREES,
                        KVSerde.of(new StringSerde(), new JsonSerde<>(CourseStructureEvent.class))).withChangelogEnabled())
                .withTable(new RocksDbTableDescriptor<>(ProgressAggregatorTask.INDEX,
                        KVSerde.of(new StringSerde(), new StringSerde())).withChangelogEnabled())
                .withTable(new RocksDbTableDescriptor<>(ProgressAggregatorTask.DIRTY,
                        KVSerde.of(new StringSerde(), new StringSerde())).withChangelogEnabled())
                .withTaskFactory(new ProgressAggregatorTaskFactory(new ProgressAggregatorTaskFactory.Wiring(
                        s.contentState().getSystemName(), physical(s.courseStructure()),
                        physical(s.enrolmentProgress()), physical(s.courseCompleted()), sinkFactory)));
    }

    private static String physical(StreamDescriptor<?, ?> d) {
        return d.getPhysicalName().orElse(d.getStreamId());
    }
}
