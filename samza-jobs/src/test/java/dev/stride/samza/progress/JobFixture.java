package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.Json;
import dev.stride.core.event.StrideEvent;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideStack;
import org.I0Itec.zkclient.ZkClient;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One isolated aggregator deployment on the real stack: its own keyspace, topics, Samza app name (so its own
 * checkpoint, changelog and ZooKeeper nodes), job processes and learners. Everything is removed on close.
 */
final class JobFixture implements AutoCloseable {

    static final String TENANT = "tenant1";
    static final String COURSE = "course1";
    /** Required leaves l1..l5 and qz; op is optional; x1 is outside the course. */
    static final List<String> CONTENTS = List.of("l1", "l2", "l3", "l4", "l5", "qz", "op", "x1");

    final StrideStack stack;
    final String token;
    final String keyspace;
    final CqlSession session;
    final Learners learners;
    final Oracle oracle;
    private final KafkaProducer<String, byte[]> producer;
    private final List<JobProcess> processes = new ArrayList<>();
    private final Path work;

    private JobFixture(StrideStack stack, String name) throws Exception {
        this.stack = stack;
        this.token = stack.uniqueName("it-" + name);
        this.keyspace = stack.freshKeyspace(name);
        this.session = stack.session();
        MigrationRunner.migrate(session, keyspace, Replication.simple(1));
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic("content-state"), 4, (short) 1),
                    new NewTopic(topic("course-structure"), 2, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topic("enrolment-progress"), 2, (short) 1),
                    new NewTopic(topic("course-completed"), 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrap(), "acks", "all",
                "linger.ms", 5, "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer());
        this.learners = new Learners(session, keyspace, name.hashCode());
        this.oracle = new Oracle(session, keyspace);
        this.work = Path.of("target", "it-work", token).toAbsolutePath();
    }

    static JobFixture create(StrideStack stack, String name) throws Exception {
        return new JobFixture(stack, name);
    }

    String topic(String name) {
        return token + "." + name;
    }

    static CourseTree tree(String... extraLeaves) {
        List<CourseNode> children = new ArrayList<>(List.of(
                CourseNode.unit("u1", CourseNode.leaf("l1"), CourseNode.leaf("l2"), CourseNode.leaf("l3")),
                CourseNode.unit("u2", CourseNode.leaf("l4"), CourseNode.leaf("l5")),
                new CourseNode("qz", "Quiz", null, List.of(), false, 10.0),
                new CourseNode("op", "Optional", null, List.of(), true, null)));
        for (String leaf : extraLeaves) {
            children.add(CourseNode.leaf(leaf));
        }
        return CourseTree.of(COURSE, "IT course", children);
    }

    static List<Learners.Enrolment> enrolments(int users) {
        List<Learners.Enrolment> out = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            out.add(new Learners.Enrolment(TENANT, "user" + i, COURSE, "batch" + (i % 2)));
        }
        return out;
    }

    /**
     * A job process of this deployment; every process of the fixture shares the app name (one job). {@code extra}
     * key=value settings go after the fixture's own.
     */
    JobProcess process(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "app.name=" + token, "app.id=1",
                "systems.kafka.consumer.bootstrap.servers=" + stack.kafkaBootstrap(),
                "systems.kafka.producer.bootstrap.servers=" + stack.kafkaBootstrap(),
                "job.coordinator.zk.connect=" + stack.zookeeperConnect(),
                // a killed process's ZooKeeper session must expire quickly for the survivor to take its tasks
                "job.coordinator.zk.session.timeout.ms=6000",
                AggregatorConfig.CASSANDRA + "=" + stack.cassandraContactPoint(),
                AggregatorConfig.KEYSPACE + "=" + keyspace,
                AggregatorConfig.CONTENT_STATE_TOPIC + "=" + topic("content-state"),
                AggregatorConfig.COURSE_STRUCTURE_TOPIC + "=" + topic("course-structure"),
                AggregatorConfig.ENROLMENT_PROGRESS_TOPIC + "=" + topic("enrolment-progress"),
                AggregatorConfig.COURSE_COMPLETED_TOPIC + "=" + topic("course-completed")));
        args.addAll(List.of(extra));
        JobProcess p = new JobProcess(token + "-" + name, work.resolve("state-" + name),
                Path.of("target", "it-logs", token + "-" + name + ".log").toAbsolutePath(), args);
        processes.add(p);
        return p;
    }

    void publishTree(CourseTree tree, Instant at) {
        send(CourseStructureEvent.of(TENANT, tree, at, at));
        producer.flush();
    }

    void publish(List<ContentStateEvent> events) {
        events.forEach(this::send);
        producer.flush();
    }

    /** Content-state events whose Kafka timestamps say they were appended {@code age} ago (a backlog after an outage). */
    void publishAged(List<ContentStateEvent> events, Duration age) {
        long at = System.currentTimeMillis() - age.toMillis();
        events.forEach(e -> producer.send(new ProducerRecord<>(topic("content-state"), null, at, e.key(),
                Json.writeBytes(e))));
        producer.flush();
    }

    private void send(StrideEvent e) {
        producer.send(new ProducerRecord<>(e.topic().equals(dev.stride.core.event.Topics.CONTENT_STATE)
                ? topic("content-state") : topic("course-structure"), e.key(), Json.writeBytes(e)));
    }

    /** Polls the oracle until every enrolment's rows equal it; fails with the first differences otherwise. */
    void awaitConverged(List<Learners.Enrolment> enrolments, CourseTree tree, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> mismatches = oracle.mismatches(enrolments, tree);
        Instant t0 = Instant.now();
        while (!mismatches.isEmpty() && Instant.now().isBefore(deadline)) {
            System.out.printf("%s: %d rows differ from the oracle after %d s%n", token, mismatches.size(),
                    Duration.between(t0, Instant.now()).toSeconds());
            Thread.sleep(2000);
            mismatches = oracle.mismatches(enrolments, tree);
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " enrolment rows differ from the oracle after " + timeout
                    + " (processes " + processes + "), first: " + mismatches.subList(0, Math.min(10, mismatches.size())));
        }
    }

    /** Every record of an output topic, from the beginning to its current end. */
    List<ConsumerRecord<String, byte[]>> readAll(String topicName) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                stack.kafkaBootstrap(), "enable.auto.commit", "false"), new org.apache.kafka.common.serialization.StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                    .map(p -> new TopicPartition(topicName, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** course-completed: the raw records and the distinct eventIds per enrolment key. */
    record Completions(int raw, Map<String, Set<String>> eventIds) {
    }

    Completions completions() {
        List<ConsumerRecord<String, byte[]>> records = readAll(topic("course-completed"));
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            var e = Json.read(r.value(), dev.stride.core.event.CourseCompletedEvent.class);
            ids.computeIfAbsent(e.key(), k -> new HashSet<>()).add(e.eventId());
        }
        return new Completions(records.size(), ids);
    }

    /** Enrolment keys whose user_enrolments row says complete. */
    Set<String> completedEnrolments(List<Learners.Enrolment> enrolments) {
        Set<String> out = new HashSet<>();
        for (Learners.Enrolment e : enrolments) {
            var row = session.execute("SELECT status, completed_on FROM " + keyspace + ".user_enrolments WHERE tenant = ?"
                    + " AND user_id = ? AND course_id = ? AND batch_id = ?", e.tenant(), e.user(), e.course(), e.batch()).one();
            if (row != null && row.getInstant("completed_on") != null) {
                out.add(e.key());
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        for (JobProcess p : processes) {
            if (p.alive()) {
                p.kill9();
            }
        }
        producer.close();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            Set<String> mine = new HashSet<>();
            for (String t : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (t.contains(token)) {
                    mine.add(t);
                }
            }
            admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
        }
        ZkClient zk = new ZkClient(stack.zookeeperConnect(), 10_000, 10_000);
        try {
            zk.deleteRecursive("/app-" + token + "-1");
        } finally {
            zk.close();
        }
    }
}
