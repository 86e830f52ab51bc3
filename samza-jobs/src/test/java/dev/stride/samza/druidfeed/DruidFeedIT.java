package dev.stride.samza.druidfeed;

import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import dev.stride.core.event.StrideEvent;
import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.SupervisorTarget;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed end to end on the real stack: Kafka in, the Samza feed in its own JVM, Druid's real Kafka supervisors (the
 * production specs, on private topics and datasources), Druid SQL out. Rows are queried in real time from the indexer
 * (no wait for handoff). Every answer is compared with the oracle of the input, which is what a clean single run gives.
 */
@StrideIntegrationTest
class DruidFeedIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(180);

    private final List<FeedProcess> processes = new ArrayList<>();
    private final List<String> supervisors = new ArrayList<>();
    private DruidAdmin admin;
    private KafkaProducer<String, byte[]> producer;

    /** Private topics and datasources of one test, its job config and its query helpers. */
    private record Rig(String id, String contentState, String courseStructure, String enrolmentProgress,
                       String learnerOut, String enrolmentOut, String learnerDs, String activityDs, String enrolmentDs,
                       List<String> jobArgs, ReportQueries queries, KafkaProducer<String, byte[]> producer) {
    }

    private Rig rig(StrideStack stack) throws Exception {
        String id = stack.uniqueName("dfeed");
        String ds = id.replace('-', '_');
        Rig rig = new Rig(id, id + ".content-state", id + ".course-structure", id + ".enrolment-progress",
                id + ".druid-learner-progress", id + ".druid-enrolment-progress", "lp_" + ds, "la_" + ds, "ep_" + ds,
                List.of("app.name=" + id, "app.id=1",
                        "job.coordinator.zk.connect=" + stack.zookeeperConnect(),
                        "systems.kafka.consumer.bootstrap.servers=" + stack.kafkaBootstrap(),
                        "systems.kafka.producer.bootstrap.servers=" + stack.kafkaBootstrap(),
                        "stride.topic.content-state=" + id + ".content-state",
                        "stride.topic.course-structure=" + id + ".course-structure",
                        "stride.topic.enrolment-progress=" + id + ".enrolment-progress",
                        "stride.topic.druid-learner-progress=" + id + ".druid-learner-progress",
                        "stride.topic.druid-enrolment-progress=" + id + ".druid-enrolment-progress"),
                new ReportQueries(new DruidQueries(stack.druidBrokerUrl()), "lp_" + ds, "la_" + ds, "ep_" + ds, "t-" + id),
                new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrap(), "acks", "all", "linger.ms", 5),
                        new StringSerializer(), new ByteArraySerializer()));
        producer = rig.producer;
        try (AdminClient kafka = AdminClient.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            kafka.createTopics(List.of(rig.contentState, rig.courseStructure, rig.enrolmentProgress, rig.learnerOut,
                    rig.enrolmentOut).stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        }
        admin = new DruidAdmin(stack.druidCoordinatorUrl());
        admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_PROGRESS, rig.learnerDs, rig.learnerOut, stack.kafkaBootstrap()));
        supervisors.add(rig.learnerDs);
        // the rolled-up datasource the trend chart reads, from the same topic (its own supervisor)
        admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_ACTIVITY, rig.activityDs, rig.learnerOut,
                stack.kafkaBootstrap()));
        supervisors.add(rig.activityDs);
        admin.apply(new SupervisorTarget(DruidDatasource.ENROLMENT_PROGRESS, rig.enrolmentDs, rig.enrolmentOut,
                stack.kafkaBootstrap()));
        supervisors.add(rig.enrolmentDs);
        return rig;
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (FeedProcess p : processes) {
            if (p.alive()) {
                p.stop();
            }
        }
        if (producer != null) {
            producer.close();
        }
        for (String s : supervisors) {
            admin.terminate(s); // frees the indexer's task slots; the private datasources stay small
            admin.forget(s);
        }
    }

    @Test
    void theSameInputFedTwiceGivesTheAnswersOfOneCleanRun(StrideStack stack) throws Exception {
        Rig rig = rig(stack);
        FeedScenario scenario = new FeedScenario("t-" + rig.id, 30);
        send(rig, List.of(scenario.tree), rig.courseStructure);
        FeedProcess feed = start(rig, "twice");

        sendAll(rig, scenario.events);
        awaitRows(rig, scenario, scenario.contentRows, scenario.snapshots, false);
        Map<String, List<List<Object>>> clean = rig.queries.all();
        assertThat(clean).isEqualTo(scenario.expected());

        sendAll(rig, scenario.events); // the same events again: every row reaches Druid twice, with the same row_id
        awaitRows(rig, scenario, 2L * scenario.contentRows, 2L * scenario.snapshots, true);
        assertThat(rig.queries.allRows()).containsExactly(2L * scenario.contentRows, 2L * scenario.snapshots,
                2L * scenario.contentRows);
        assertThat(rig.queries.all()).isEqualTo(clean);
        assertThat(feed.stop()).isZero();
    }

    @Test
    void killMinus9MidStreamThenRestartGivesTheAnswersOfOneCleanRun(StrideStack stack) throws Exception {
        Rig rig = rig(stack);
        FeedScenario scenario = new FeedScenario("t-" + rig.id, 600);
        send(rig, List.of(scenario.tree), rig.courseStructure);
        FeedProcess first = start(rig, "crash-1");
        List<StrideEvent> events = scenario.events;
        int half = events.size() / 2;
        sendAll(rig, events.subList(0, half));
        // wait until the feed is mid-stream: some rows are in Druid, then keep the input coming and kill it
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (rig.queries.distinctRows()[0] == 0) {
            assertThat(Instant.now()).as("first rows in Druid").isBefore(deadline);
            assertThat(first.alive()).as("feed alive, see %s", first).isTrue();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        Thread producer = new Thread(() -> slowly(rig, events.subList(half, events.size())));
        producer.start();
        TimeUnit.MILLISECONDS.sleep(500);
        first.kill9();
        producer.join();
        start(rig, "crash-2");

        awaitRows(rig, scenario, scenario.contentRows, scenario.snapshots, false);
        assertThat(rig.queries.all()).isEqualTo(scenario.expected());
        long[] all = rig.queries.allRows();
        System.out.printf("kill -9 mid-stream: %d + %d rows in Druid (%d into learner_activity) for %d + %d distinct"
                + " (replayed duplicates)%n", all[0], all[1], all[2], scenario.contentRows, scenario.snapshots);
    }

    private FeedProcess start(Rig rig, String name) throws Exception {
        FeedProcess p = new FeedProcess(Path.of("target/it-logs/" + rig.id + "-" + name + ".log"), rig.jobArgs).start();
        processes.add(p);
        return p;
    }

    /** Polls Druid (no blind sleep) until the distinct (or, with {@code all}, total) row counts reach the targets. */
    private static void awaitRows(Rig rig, FeedScenario s, long learnerRows, long snapshots, boolean all) throws Exception {
        Instant deadline = Instant.now().plus(ARRIVAL);
        long[] seen = {0, 0, 0};
        while (Instant.now().isBefore(deadline)) {
            seen = all ? rig.queries.allRows() : rig.queries.distinctRows();
            if (seen[0] >= learnerRows && seen[1] >= snapshots && seen[2] >= learnerRows) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new AssertionError("Druid did not get " + learnerRows + " + " + snapshots + (all ? " rows" : " distinct rows")
                + " within " + ARRIVAL.toSeconds() + " s; saw " + Arrays.toString(seen));
    }

    private static void sendAll(Rig rig, List<StrideEvent> events) {
        for (StrideEvent e : events) {
            rig.producer.send(new ProducerRecord<>(topic(rig, e), e.key(), Json.writeBytes(e)));
        }
        rig.producer.flush();
    }

    /** About 1,000 events a second, so the kill lands while input is still arriving. */
    private static void slowly(Rig rig, List<StrideEvent> events) {
        for (int i = 0; i < events.size(); i += 100) {
            sendAll(rig, events.subList(i, Math.min(events.size(), i + 100)));
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void send(Rig rig, List<? extends StrideEvent> events, String topic) {
        for (StrideEvent e : events) {
            rig.producer.send(new ProducerRecord<>(topic, e.key(), Json.writeBytes(e)));
        }
        rig.producer.flush();
    }

    private static String topic(Rig rig, StrideEvent e) {
        if (e instanceof ContentStateEvent) {
            return rig.contentState;
        }
        if (e instanceof EnrolmentProgressEvent) {
            return rig.enrolmentProgress;
        }
        throw new IllegalArgumentException("unexpected event " + e);
    }
}
