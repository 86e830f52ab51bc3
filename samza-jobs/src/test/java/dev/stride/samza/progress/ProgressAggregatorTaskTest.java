package dev.stride.samza.progress;

import dev.stride.core.event.CourseCompletedEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import dev.stride.core.event.StrideEvent;
import org.apache.samza.serializers.NoOpSerde;
import org.apache.samza.test.framework.TestRunner;
import org.apache.samza.test.framework.system.descriptors.InMemoryInputDescriptor;
import org.apache.samza.test.framework.system.descriptors.InMemoryOutputDescriptor;
import org.apache.samza.test.framework.system.descriptors.InMemorySystemDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.stride.samza.progress.Fixtures.attempt;
import static dev.stride.samza.progress.Fixtures.content;
import static dev.stride.samza.progress.Fixtures.tree;
import static dev.stride.samza.progress.Fixtures.treeEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The task through samza-test's TestRunner on the in-memory system. Inputs are value-only byte[] (TestRunner ignores
 * serdes); content-state has the higher priority so every content event is read before any tree: the events of an
 * unknown course are parked, then computed when the tree arrives, then recomputed when it changes. The in-memory
 * inputs end, so the task flushes at end of stream (no window is configured here).
 */
class ProgressAggregatorTaskTest {

    private final String sinkName = UUID.randomUUID().toString();
    private final InMemorySystemDescriptor system = new InMemorySystemDescriptor("test");
    private final InMemoryInputDescriptor<Object> contentState =
            system.<Object>getInputDescriptor("content-state", new NoOpSerde<>()).withPriority(10);
    private final InMemoryInputDescriptor<Object> courseStructure =
            system.getInputDescriptor("course-structure", new NoOpSerde<>());
    private final InMemoryOutputDescriptor<Object> progress = system.getOutputDescriptor("enrolment-progress", new NoOpSerde<>());
    private final InMemoryOutputDescriptor<Object> completed = system.getOutputDescriptor("course-completed", new NoOpSerde<>());

    private void run(List<byte[]> contentEvents, List<byte[]> treeEvents) {
        ProgressAggregatorApp app = new ProgressAggregatorApp(
                config -> new ProgressAggregatorApp.Streams(contentState, courseStructure, progress, completed),
                MemorySink.factory(sinkName));
        TestRunner.of(app)
                .addInputStream(contentState, new ArrayList<Object>(contentEvents))
                .addInputStream(courseStructure, new ArrayList<Object>(treeEvents))
                .addOutputStream(progress, 1)
                .addOutputStream(completed, 1)
                .run(Duration.ofSeconds(30));
    }

    private static byte[] json(Object event) {
        return Json.writeBytes(event);
    }

    private static <T extends StrideEvent> List<T> consume(InMemoryOutputDescriptor<Object> output, Class<T> type) {
        Map<Integer, List<Object>> partitions = TestRunner.consumeStream(output, Duration.ofSeconds(5));
        return partitions.getOrDefault(0, List.of()).stream().map(m -> Json.read((byte[]) m, type)).toList();
    }

    @Test
    void parksUntilTheTreeArrivesThenRecomputesWhenTheCourseGrows() {
        byte[] a = json(content("u1", "a", 2, 1));
        byte[] b = json(content("u1", "b", 2, 2));
        run(List.of(a, b, a, json(attempt("u1", "x", 8, 3)), json(content("u2", "a", 1, 4)), b,
                        "not json".getBytes(StandardCharsets.UTF_8)),
                List.of(json(treeEvent(tree(), 10)), json(treeEvent(tree(), 11)), json(treeEvent(tree("d"), 20))));

        Map<String, EnrolmentAggregate> rows = MemorySink.rows(sinkName);
        EnrolmentAggregate u1 = rows.get("t1|u1|c1|b1");
        assertThat(u1.status()).isEqualTo(1); // was 100 %, then the course gained d
        assertThat(u1.completionPercentage()).isCloseTo(75.0, within(1e-9));
        assertThat(u1.completedOn()).isEqualTo(Fixtures.T0.plusSeconds(3)); // the first completion is kept
        assertThat(u1.aggregates()).containsEntry("completedCount", 3.0).containsEntry("score:q", 8.0)
                .containsEntry("attempts_count:q", 1.0);
        assertThat(rows.get("t1|u2|c1|b1").status()).isEqualTo(1);

        List<EnrolmentProgressEvent> progressEvents = consume(progress, EnrolmentProgressEvent.class);
        // one computation per enrolment when the tree arrived (the identical re-publish changes nothing), one when it grew
        assertThat(progressEvents).extracting(e -> e.userId() + "@" + e.version())
                .containsExactlyInAnyOrder("u1@1", "u2@1", "u1@2", "u2@2");
        assertThat(progressEvents).extracting(EnrolmentProgressEvent::eventId).doesNotHaveDuplicates();

        List<CourseCompletedEvent> completions = consume(completed, CourseCompletedEvent.class);
        assertThat(completions).singleElement().satisfies(c -> {
            assertThat(c.userId()).isEqualTo("u1");
            assertThat(c.eventId()).isEqualTo(CourseCompletedEvent.eventId("t1", "u1", "c1", "b1"));
        });
    }

    @Test
    void computesAtOnceWhenTheTreeIsKnown() {
        ProgressAggregatorApp app = new ProgressAggregatorApp(
                config -> new ProgressAggregatorApp.Streams(contentState.withPriority(0),
                        courseStructure.withPriority(10), progress, completed),
                MemorySink.factory(sinkName));
        TestRunner.of(app)
                .addInputStream(contentState, List.<Object>of(json(content("u1", "a", 2, 1)), json(content("u1", "b", 1, 2))))
                .addInputStream(courseStructure, List.<Object>of(json(treeEvent(tree(), 0))))
                .addOutputStream(progress, 1)
                .addOutputStream(completed, 1)
                .run(Duration.ofSeconds(30));

        // both events fall in one flush window: the enrolment is computed and written once, with b as last read
        assertThat(consume(progress, EnrolmentProgressEvent.class)).singleElement().satisfies(e -> {
            assertThat(e.completedCount()).isEqualTo(1);
            assertThat(e.version()).isEqualTo(1);
        });
        assertThat(consume(completed, CourseCompletedEvent.class)).isEmpty();
        assertThat(MemorySink.rows(sinkName).get("t1|u1|c1|b1").lastReadContentId()).isEqualTo("b");
    }

    @Test
    void aTreeThatMarksAWholeCourseIsWrittenInChunksOfFlushMaxDirty() {
        List<Object> events = new ArrayList<>();
        for (int u = 1; u <= 5; u++) {
            events.add(json(content("u" + u, "a", 2, u))); // parked: no tree yet
        }
        TestRunner.of(new ProgressAggregatorApp(
                        config -> new ProgressAggregatorApp.Streams(contentState, courseStructure, progress, completed),
                        MemorySink.factory(sinkName)))
                .addConfig(AggregatorConfig.FLUSH_MAX_DIRTY, "2")
                .addInputStream(contentState, events)
                .addInputStream(courseStructure, List.<Object>of(json(treeEvent(tree(), 10))))
                .addOutputStream(progress, 1)
                .addOutputStream(completed, 1)
                .run(Duration.ofSeconds(30));

        assertThat(MemorySink.rows(sinkName)).hasSize(5); // every enrolment of the course computed and written
        assertThat(MemorySink.writes(sinkName)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void eventsOfAKnownEnrolmentWithAMalformedOrMissingIdAreSkipped() {
        String b = new String(json(content("u1", "b", 2, 2)), StandardCharsets.UTF_8);
        byte[] pipeInUser = b.replace("\"userId\":\"u1\"", "\"userId\":\"u1|c1\"").getBytes(StandardCharsets.UTF_8);
        byte[] noUser = b.replace("\"userId\":\"u1\"", "\"userId\":null").getBytes(StandardCharsets.UTF_8);
        byte[] nullText = b.replace("\"batchId\":\"b1\"", "\"batchId\":null").replace("\"userId\":\"u1\"",
                "\"userId\":\"null\"").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(pipeInUser, StandardCharsets.UTF_8)).contains("u1|c1");
        assertThat(new String(noUser, StandardCharsets.UTF_8)).contains("\"userId\":null");
        // u1's enrolment is known before each bad event: its ids must still be checked, not looked up as joined text
        run(List.of(json(content("u1", "a", 2, 1)), json(content("null", "a", 2, 1)), pipeInUser, noUser, nullText),
                List.of(json(treeEvent(tree(), 10))));

        Map<String, EnrolmentAggregate> rows = MemorySink.rows(sinkName);
        assertThat(rows).containsOnlyKeys("t1|u1|c1|b1", "t1|null|c1|b1");
        assertThat(rows.get("t1|u1|c1|b1").completedCount()).isEqualTo(1); // b was never absorbed
        assertThat(rows.get("t1|null|c1|b1").completedCount()).isEqualTo(1);
    }
}
