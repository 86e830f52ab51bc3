package dev.stride.samza.progress;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregator against real Kafka, ZooKeeper and Cassandra, each job a separate JVM. After every scenario each
 * enrolment's three rows equal the {@link Oracle} (computed from the fact tables), and course-completed holds exactly
 * one distinct eventId per completed enrolment and none for the others. Where no process crashed the raw topic holds
 * exactly one record per completed enrolment; after a kill -9 it may hold re-emissions of the same eventId
 * (at-least-once delivery of an idempotent event), which a consumer dropping seen eventIds reduces to exactly one.
 */
@StrideIntegrationTest
class ProgressAggregatorIT {

    // generous: the machine is shared, and convergence is polled, never slept
    private static final Duration CONVERGE = Duration.ofSeconds(480);
    private static final Instant TREE_TIME = Instant.parse("2026-02-01T00:00:00Z");
    /** Commits at each start's first window and at the stop only; records reach Kafka at the earliest 1 s after a send. */
    private static final String[] ONLY_START_AND_STOP_COMMITS = {AggregatorConfig.COMMIT_MS + "=600000",
            "systems.kafka.producer.linger.ms=1000"};

    /** One distinct eventId per completed enrolment, none elsewhere; exactly one raw record unless a process crashed. */
    private static void assertCompletions(JobFixture f, List<Learners.Enrolment> enrolments, boolean crashed) {
        Set<String> completed = f.completedEnrolments(enrolments);
        JobFixture.Completions c = f.completions();
        assertThat(completed).isNotEmpty();
        assertThat(c.eventIds().keySet()).isEqualTo(completed);
        assertThat(c.eventIds().values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        if (crashed) {
            assertThat(c.raw()).isGreaterThanOrEqualTo(completed.size());
        } else {
            assertThat(c.raw()).isEqualTo(completed.size());
        }
        System.out.printf("%s: %d completed enrolments, %d course-completed records (%d re-emitted duplicates)%n",
                f.token, completed.size(), c.raw(), c.raw() - completed.size());
    }

    /** Which start re-emitted, when one did: a clean stop's final checkpoint covers everything it emitted. */
    private static void assertNoCompletionTwice(JobFixture f, String when) {
        JobFixture.Completions c = f.completions();
        assertThat(c.raw()).as("course-completed records %s", when).isEqualTo(c.eventIds().size());
    }

    /** enrolment-progress: versions 1..n per enrolment; without a crash no eventId twice. */
    private static void assertProgressEvents(JobFixture f, boolean crashed) {
        List<ConsumerRecord<String, byte[]>> records = f.readAll(f.topic("enrolment-progress"));
        List<EnrolmentProgressEvent> events = records.stream()
                .map(r -> Json.read(r.value(), EnrolmentProgressEvent.class)).toList();
        long distinct = events.stream().map(EnrolmentProgressEvent::eventId).distinct().count();
        if (!crashed) {
            assertThat(distinct).isEqualTo(events.size());
        }
        events.stream().collect(java.util.stream.Collectors.groupingBy(EnrolmentProgressEvent::key,
                        java.util.stream.Collectors.mapping(EnrolmentProgressEvent::version,
                                java.util.stream.Collectors.toCollection(java.util.TreeSet::new))))
                .forEach((key, versions) -> assertThat(versions.last()).as(key).isEqualTo((long) versions.size()));
        System.out.printf("%s: %d enrolment-progress records, %d distinct eventIds%n", f.token, events.size(), distinct);
    }

    @Test
    void duplicatedInputChangesNothingAndAGrownCourseDropsBelowComplete(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "dup")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(150);
            CourseTree tree = JobFixture.tree();
            List<ContentStateEvent> events = f.learners.updates(enrolments, JobFixture.CONTENTS, 4000);
            f.publishTree(tree, TREE_TIME);
            f.publish(events);
            JobProcess job = f.process("p1").start();
            f.publish(events); // every event a second time, same eventIds
            f.awaitConverged(enrolments, tree, CONVERGE);

            CourseTree grown = JobFixture.tree("l6");
            f.publishTree(grown, TREE_TIME.plusSeconds(3600));
            f.awaitConverged(enrolments, grown, CONVERGE);
            assertThat(job.stop()).isZero();

            assertCompletions(f, enrolments, false); // completed_on kept: the same enrolments, still one event each
            assertThat(f.oracle.mismatches(enrolments, grown)).isEmpty();
            assertProgressEvents(f, false);
        }
    }

    @Test
    void reorderedInputAndEventsBeforeTheirTreeGiveTheSameAggregates(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "reorder")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(150);
            CourseTree tree = JobFixture.tree();
            List<ContentStateEvent> events = new ArrayList<>(f.learners.updates(enrolments, JobFixture.CONTENTS, 4000));
            Collections.shuffle(events, new Random(7)); // each enrolment's updates arrive in a random order
            JobProcess job = f.process("p1").start();
            f.publish(events.subList(0, events.size() / 2)); // the course is unknown yet: parked
            f.publishTree(tree, TREE_TIME);
            f.publish(events.subList(events.size() / 2, events.size()));
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(job.stop()).isZero();

            assertCompletions(f, enrolments, false);
            assertProgressEvents(f, false);
        }
    }

    @Test
    void killMinus9MidStreamThenRestartConverges(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "kill")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(300);
            CourseTree tree = JobFixture.tree();
            List<ContentStateEvent> events = f.learners.updates(enrolments, JobFixture.CONTENTS, 15_000);
            List<ContentStateEvent> underLoad = events.subList(0, 12_000);
            f.publishTree(tree, TREE_TIME);
            JobProcess job = f.process("p1").start();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < underLoad.size(); i += 500) {
                    f.publish(underLoad.subList(i, Math.min(underLoad.size(), i + 500)));
                    sleep(25);
                }
            });
            // one flush emits at most one record per enrolment (300), so the first ones mean mid-stream on any machine
            awaitProgressRecords(f, 100);
            job.kill9(); // mid-stream, under load: no final commit, outputs since the last checkpoint replay
            load.join();
            // a fast job may have drained the load before the kill landed: the rest arrives while no process runs
            f.publish(events.subList(underLoad.size(), events.size()));
            JobProcess restarted = f.process("p1b").start().awaitRunLoop(CONVERGE);
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(restarted.stop()).isZero();

            assertCompletions(f, enrolments, true);
            assertProgressEvents(f, true);
        }
    }

    @Test
    void deletedLocalStateIsRestoredFromTheChangelog(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "restore")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(150);
            CourseTree tree = JobFixture.tree();
            f.publishTree(tree, TREE_TIME);
            f.publish(f.learners.updates(enrolments, JobFixture.CONTENTS, 2500));
            JobProcess job = f.process("p1", ONLY_START_AND_STOP_COMMITS).start();
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(job.stop()).isZero();
            assertNoCompletionTwice(f, "after the first run");

            // A restart on its own state commits at once, with the changelog offsets of the first run: a later commit
            // that left out the state writes it made itself would now leave a stale, non-null offset, and the restore
            // below would stop there and trim what came after (Samza 1.8 flushes the producer before the stores'
            // caches when it commits: the task flushes them first, see ProgressAggregatorTask; a 1 s linger makes
            // records the commit hands over late certainly absent from Kafka when it reads the offsets).
            f.publish(f.learners.updates(enrolments, JobFixture.CONTENTS, 2500));
            JobProcess second = f.process("p1", ONLY_START_AND_STOP_COMMITS).start();
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(second.stop()).isZero();
            assertNoCompletionTwice(f, "after the restart on its own state");
            deleteRecursively(second.stateDir());

            // new updates carry only the touched contents: right totals need the restored states (and the restored tree)
            f.publish(f.learners.updates(enrolments, JobFixture.CONTENTS, 2500));
            JobProcess restored = f.process("p1", ONLY_START_AND_STOP_COMMITS).start();
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(restored.stop()).isZero();

            assertCompletions(f, enrolments, false);
            assertProgressEvents(f, false);
        }
    }

    @Test
    void twoProcessesShareTheJobAndTheSurvivorTakesOverFromAKilledOne(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "pair")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(300);
            CourseTree tree = JobFixture.tree();
            List<ContentStateEvent> events = f.learners.updates(enrolments, JobFixture.CONTENTS, 12_000);
            f.publishTree(tree, TREE_TIME);
            JobProcess first = f.process("p1").start();
            JobProcess second = f.process("p2").start();
            f.publish(events.subList(0, 4000));
            awaitProgressRecords(f, 100); // both processes are consuming: records are coalesced per flush, not per event
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> f.publish(events.subList(4000, events.size())));
            second.kill9();
            load.join();
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(first.stop()).isZero();

            assertCompletions(f, enrolments, true);
            assertProgressEvents(f, true);
        }
    }

    @Test
    void aBacklogIsWrittenOnceForManyEventsOfAnEnrolmentAndEndsInItsFinalState(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "backlog")) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(100);
            CourseTree tree = JobFixture.tree();
            List<ContentStateEvent> events = f.learners.updates(enrolments, JobFixture.CONTENTS, 12_000);
            f.publishTree(tree, TREE_TIME);
            f.publishAged(events, Duration.ofMinutes(10)); // appended 10 min ago: the job starts 10 min behind
            // a window as long as any drain here takes (the default, 10 s, could split a slow drain into a few flushes)
            JobProcess job = f.process("p1", AggregatorConfig.FLUSH_WINDOW_MAX_MS + "=60000").start();
            f.awaitConverged(enrolments, tree, CONVERGE);
            assertThat(job.stop()).isZero();

            assertCompletions(f, enrolments, false);
            assertProgressEvents(f, false);
            // each enrolment-progress record is one write of the enrolment's three rows (a computed, changed aggregate)
            Map<String, List<EnrolmentProgressEvent>> written = f.readAll(f.topic("enrolment-progress")).stream()
                    .map(r -> Json.read(r.value(), EnrolmentProgressEvent.class))
                    .collect(Collectors.groupingBy(EnrolmentProgressEvent::key));
            Map<String, Long> eventsOf = events.stream().collect(Collectors.groupingBy(ContentStateEvent::key,
                    Collectors.counting()));
            assertThat(written.keySet()).isEqualTo(eventsOf.keySet());
            written.forEach((key, records) -> assertThat((long) records.size()).as(key).isLessThan(eventsOf.get(key)));
            // the whole backlog drained within one window: about one write per enrolment instead of one per flush tick
            assertThat(written.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(2 * enrolments.size());
            for (Learners.Enrolment e : enrolments) { // the last record carries the final aggregate
                EnrolmentProgressEvent last = written.get(e.key()).stream()
                        .max(Comparator.comparingLong(EnrolmentProgressEvent::version)).orElseThrow();
                Oracle.Expected expected = f.oracle.expected(e, tree);
                assertThat(last.status()).as(e.key()).isEqualTo(expected.status());
                assertThat(last.completedCount()).as(e.key()).isEqualTo(expected.completed());
                assertThat(last.contentStatus()).as(e.key()).isEqualTo(expected.contentStatus());
            }
            System.out.printf("%s: %d events, %d enrolment-progress records (row writes) for %d enrolments%n", f.token,
                    events.size(), written.values().stream().mapToInt(List::size).sum(), enrolments.size());
        }
    }

    private static void awaitProgressRecords(JobFixture f, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(CONVERGE);
        while (f.readAll(f.topic("enrolment-progress")).size() < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the job emitted fewer than " + atLeast + " progress events in " + CONVERGE);
            }
            Thread.sleep(500);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        assertThat(dir).isDirectory();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
