package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH for the aggregator's hot code, each first form against its replacement, on an enrolment like AggregatorBench's
 * (9 contents, 2 quiz attempts): reading one content-state event, the enrolment-state serde, the change fingerprint.
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main
 * AggregatorPathsBench} (after {@code mvn -o -pl samza-jobs test-compile} and the classpath command of BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AggregatorPathsBench {

    private byte[] event;
    private EnrolmentState state;
    private byte[] stateJson;
    private byte[] stateBinary;
    private EnrolmentAggregate aggregate;
    private final JsonSerde<EnrolmentState> jsonSerde = new JsonSerde<>(EnrolmentState.class);
    private final EnrolmentStateSerde binarySerde = new EnrolmentStateSerde();

    @Setup
    public void setUp() {
        Instant start = Instant.parse("2026-03-01T00:00:00.123Z");
        List<ContentStateEvent> events = new ArrayList<>();
        String[] contents = {"l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "qz"};
        for (int i = 0; i < contents.length; i++) {
            Instant at = start.plusSeconds(i);
            int status = i % 3;
            List<ContentStateEvent.Attempt> attempts = contents[i].equals("qz") ? List.of(
                    ContentStateEvent.Attempt.of("qz", "a1", at, List.of(new ContentStateEvent.Question("q1", null,
                            "mcq", 10, 7, 20.0, at, null, Map.of()))),
                    ContentStateEvent.Attempt.of("qz", "a2", at, List.of(new ContentStateEvent.Question("q1", null,
                            "mcq", 10, 9, 25.0, at, null, Map.of())))) : List.of();
            events.add(ContentStateEvent.of("tenant1", "user42", "course1", "batch1", "r" + i, List.of(new ContentState(
                    contents[i], status, status == 2 ? 100 : 30, 1, status == 2 ? 1 : 0, at, status == 2 ? at : null,
                    null)), attempts, at, at));
        }
        EnrolmentState s = EnrolmentState.empty("tenant1", "user42", "course1", "batch1");
        for (ContentStateEvent e : events) {
            s = s.absorb(e);
        }
        CourseTree tree = CourseTree.of("course1", "bench", List.of(
                dev.stride.core.course.CourseNode.unit("u1", dev.stride.core.course.CourseNode.leaf("l1"),
                        dev.stride.core.course.CourseNode.leaf("l2"), dev.stride.core.course.CourseNode.leaf("l3"),
                        dev.stride.core.course.CourseNode.leaf("l4")),
                dev.stride.core.course.CourseNode.unit("u2", dev.stride.core.course.CourseNode.leaf("l5"),
                        dev.stride.core.course.CourseNode.leaf("l6"), dev.stride.core.course.CourseNode.leaf("l7"),
                        dev.stride.core.course.CourseNode.leaf("l8")),
                new dev.stride.core.course.CourseNode("qz", null, null, List.of(), false, 10.0)));
        Aggregation.Outcome o = Aggregation.step(s, tree, start, 25);
        state = o.state();
        aggregate = o.progress();
        event = Json.writeBytes(events.get(events.size() - 1));
        stateJson = jsonSerde.toBytes(state);
        stateBinary = binarySerde.toBytes(state);
    }

    @Benchmark
    public EnrolmentInput readEventWithDataBinder() {
        return EnrolmentInput.of(Json.read(event, ContentStateEvent.class));
    }

    @Benchmark
    public EnrolmentInput readEventStreaming() {
        return ContentStateReader.read(event);
    }

    @Benchmark
    public byte[] writeStateJson() {
        return jsonSerde.toBytes(state);
    }

    @Benchmark
    public byte[] writeStateBinary() {
        return binarySerde.toBytes(state);
    }

    @Benchmark
    public EnrolmentState readStateJson() {
        return jsonSerde.fromBytes(stateJson);
    }

    @Benchmark
    public EnrolmentState readStateBinary() {
        return binarySerde.fromBytes(stateBinary);
    }

    @Benchmark
    public String fingerprintJsonSha256() {
        return Aggregation.legacyFingerprint(aggregate);
    }

    @Benchmark
    public String fingerprintBinarySha256() {
        return Aggregation.fingerprint(aggregate);
    }
}
