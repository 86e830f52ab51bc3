package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import dev.stride.schema.CassandraSessions;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import org.I0Itec.zkclient.ZkClient;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the aggregator alone on the real Kafka and Cassandra: publishes N content-state events first, then
 * starts P job processes and times how fast they drain them. Every event advances its enrolment's update time, so the
 * job is done when every enrolment's enrolments_by_batch row carries the time of its last event (the job coalesces
 * an enrolment's events within a flush window, so the output holds fewer than N enrolment-progress records); only the
 * rows of users whose final aggregate was emitted are read. It prints the CPU from the first output by job thread group
 * (from /proc; the JIT compiler's threads apart) and the Kafka broker's and Cassandra's CPU per event.
 * {@code warmup=W} first drains W other events (same enrolments) and then publishes the N measured ones to the running,
 * JIT-compiled job: what a long-running job sustains, start-up and compilation left out; {@code rate=R} paces them at R
 * per second, and the last line says how long after the last one every row was current (kept up: about a window).
 * {@code -Dstride.job.jvmArgs="..."} adds JVM options to the job processes (e.g. a JFR recording).
 *
 * <p>{@code java -cp samza-jobs/target/test-classes:samza-jobs/target/classes:$(cat samza-jobs/target/classpath.txt):<test deps>
 * dev.stride.samza.progress.AggregatorBench [events=200000] [enrolments=20000] [partitions=4] [processes=1] [warmup=0] [rate=0]
 * [job.key=value ...]} (each {@code job.} argument is a job setting, e.g. {@code job.stride.flush.window-max.ms=500}); run it
 * through {@code mvn -pl samza-jobs exec:java} or the IDE. Cleans up its keyspace, topics and ZooKeeper node.
 */
public final class AggregatorBench {

    private AggregatorBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>(Map.of("events", "200000", "enrolments", "20000",
                "partitions", "4", "processes", "1", "kafka", "127.0.0.1:9092", "cassandra", "127.0.0.1:9042",
                "zookeeper", "127.0.0.1:2181"));
        for (String arg : args) {
            a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int events = Integer.parseInt(a.get("events"));
        int enrolments = Integer.parseInt(a.get("enrolments"));
        int partitions = Integer.parseInt(a.get("partitions"));
        int processes = Integer.parseInt(a.get("processes"));
        String token = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String keyspace = "t_" + token.replace('-', '_');
        String kafka = a.get("kafka");

        try (CqlSession session = CassandraSessions.open(a.get("cassandra"), "datacenter1", null);
             AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            MigrationRunner.migrate(session, keyspace, Replication.simple(1));
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of("content-state", "course-structure", "enrolment-progress", "course-completed")) {
                topics.add(new NewTopic(token + "." + t, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            try {
                run(a, token, keyspace, kafka, events, enrolments, processes);
            } finally {
                session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
                        "DROP KEYSPACE IF EXISTS " + keyspace).setTimeout(Duration.ofSeconds(60)));
                Set<String> mine = new HashSet<>();
                for (String t : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                    if (t.contains(token)) {
                        mine.add(t);
                    }
                }
                admin.deleteTopics(mine).all().get(30, TimeUnit.SECONDS);
                ZkClient zk = new ZkClient(a.get("zookeeper"), 10_000, 10_000);
                zk.deleteRecursive("/app-" + token + "-1");
                zk.close();
            }
        }
    }

    private static void run(Map<String, String> a, String token, String keyspace, String kafka, int events,
                            int enrolments, int processes) throws Exception {
        CourseTree tree = CourseTree.of("course1", "bench", List.of(
                CourseNode.unit("u1", CourseNode.leaf("l1"), CourseNode.leaf("l2"), CourseNode.leaf("l3"), CourseNode.leaf("l4")),
                CourseNode.unit("u2", CourseNode.leaf("l5"), CourseNode.leaf("l6"), CourseNode.leaf("l7"), CourseNode.leaf("l8")),
                new CourseNode("qz", null, null, List.of(), false, 10.0)));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "0")); // measured events per second (warm-up runs only)
        Random random = new Random(1);
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka,
                "acks", "1", "linger.ms", 20, "batch.size", 262144, "compression.type", "lz4"),
                new StringSerializer(), new ByteArraySerializer());
        CourseStructureEvent treeEvent = CourseStructureEvent.of("tenant1", tree, start, start);
        producer.send(new ProducerRecord<>(token + ".course-structure", treeEvent.key(), Json.writeBytes(treeEvent)));
        // with a warm-up, its events go first and the measured ones are published once the warm job has drained them
        int first = warmup > 0 ? warmup : events;
        long t0 = System.nanoTime();
        Map<String, Instant> lastEvent = publish(producer, token, 0, first, enrolments, random, start, 0);
        System.out.printf("published %d %sevents in %.1f s%n", first, warmup > 0 ? "warm-up " : "",
                (System.nanoTime() - t0) / 1e9);

        List<JobProcess> jobs = new ArrayList<>();
        Path work = Path.of("target", "bench", token).toAbsolutePath();
        long started = System.nanoTime();
        for (int p = 0; p < processes; p++) {
            jobs.add(new JobProcess(token + "-p" + p, work.resolve("state-p" + p), work.resolve("p" + p + ".log"), with(a, List.of(
                    "app.name=" + token, "app.id=1",
                    "systems.kafka.consumer.bootstrap.servers=" + kafka, "systems.kafka.producer.bootstrap.servers=" + kafka,
                    "job.coordinator.zk.connect=" + a.get("zookeeper"),
                    AggregatorConfig.CASSANDRA + "=" + a.get("cassandra"), AggregatorConfig.KEYSPACE + "=" + keyspace,
                    AggregatorConfig.CONTENT_STATE_TOPIC + "=" + token + ".content-state",
                    AggregatorConfig.COURSE_STRUCTURE_TOPIC + "=" + token + ".course-structure",
                    AggregatorConfig.ENROLMENT_PROGRESS_TOPIC + "=" + token + ".enrolment-progress",
                    AggregatorConfig.COURSE_COMPLETED_TOPIC + "=" + token + ".course-completed"))).start());
        }
        try (producer; JobsStopper stopper = new JobsStopper(jobs);
             CqlSession session = CassandraSessions.open(a.get("cassandra"), "datacenter1", null);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka,
                     "max.poll.records", 20000),
                     new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> out = consumer.partitionsFor(token + ".enrolment-progress").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            PreparedStatement rows = session.prepare("SELECT user_id, updated_at FROM " + keyspace
                    + ".enrolments_by_batch WHERE tenant = 'tenant1' AND course_id = 'course1' AND batch_id = 'batch1'");
            PreparedStatement someRows = session.prepare("SELECT user_id, updated_at FROM " + keyspace
                    + ".enrolments_by_batch WHERE tenant = 'tenant1' AND course_id = 'course1' AND batch_id = 'batch1'"
                    + " AND user_id IN :users");
            // Completion is decided by the rows alone, but only the users whose final aggregate the job has emitted are
            // read (the job emits before it writes): reading all 10,000+ rows every poll loaded the Cassandra the job
            // writes to. A user stays a candidate until its row is current; a quiet output falls back to a full read.
            consumer.assign(out);
            long outputBefore = 0; // enrolment-progress records of the warm-up
            long published = 0; // when the last measured event was published (warm-up runs)
            double cpuAtStart = 0;
            Optional<Long> kafkaPid = ProcCpu.find("kafka.Kafka ");
            Optional<Long> cassandraPid = ProcCpu.find("org.apache.cassandra.service.CassandraDaemon");
            long[] phaseStart = null; // warm-up runs: the measured phase's CPU by process, and the machine's
            Map<String, Long> threadsAtPhaseStart = Map.of();
            if (warmup > 0) { // JIT-compiled, stores and caches filled: the measured events meet the job a long run has
                awaitRows(session, rows, lastEvent);
                System.out.printf("warm-up: %d events drained in %.1f s (start-up included)%n", warmup,
                        (System.nanoTime() - started) / 1e9);
                consumer.seekToEnd(out);
                for (TopicPartition tp : out) {
                    outputBefore += consumer.position(tp); // seekToEnd is lazy: only the measured events' output counts
                }
                started = System.nanoTime();
                cpuAtStart = jobCpuSeconds(jobs);
                phaseStart = phaseCpu(jobs, kafkaPid, cassandraPid);
                threadsAtPhaseStart = ProcCpu.threads(jobs.get(0).pid());
                lastEvent = publish(producer, token, warmup, events, enrolments, random, start, rate);
                published = System.nanoTime();
                System.out.printf("published %d measured events in %.1f s (%s; the warm job consuming them meanwhile)%n",
                        events, (published - started) / 1e9, rate > 0 ? "paced at " + (long) rate + "/s" : "unpaced");
            } else {
                consumer.seekToBeginning(out);
            }
            Set<String> pending = new HashSet<>(lastEvent.keySet());
            Set<String> candidates = new HashSet<>();
            long firstOutput = 0;
            double cpuAtFirstOutput = 0;
            long runLoop = warmup > 0 ? started : 0; // a warm job is in its run loop since the measured publication
            double cpuAtRunLoop = cpuAtStart;
            long emitted = 0;
            long lastNewOutput = System.nanoTime();
            // where the CPU goes from the first output on: the first job process's threads, and the servers it uses
            // (shared with whatever else runs on the machine: their figures are an upper bound for this job's share)
            Map<String, Long> threadsAtFirstOutput = Map.of();
            long kafkaAtFirstOutput = -1;
            long cassandraAtFirstOutput = -1;
            while (!pending.isEmpty()) {
                Thread.sleep(250);
                if (runLoop == 0 && java.nio.file.Files.readString(work.resolve("p0.log")).contains("Entering run loop")) {
                    runLoop = System.nanoTime(); // stores restored, inputs registered: the job starts consuming
                    cpuAtRunLoop = jobCpuSeconds(jobs);
                }
                int polled = 0;
                for (int n = -1; n != 0; ) { // everything emitted so far
                    n = 0;
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(polled == 0 ? 50 : 0))) {
                        n++;
                        if (rate > 0) {
                            continue; // paced: the rows are read whole below (decoding a long run's output took 25 s)
                        }
                        EnrolmentProgressEvent e = Json.read(r.value(), EnrolmentProgressEvent.class);
                        if (pending.contains(e.userId()) && lastEvent.get(e.userId()).equals(e.ingestTime())) {
                            candidates.add(e.userId());
                        }
                    }
                    polled += n;
                }
                emitted += polled;
                if (polled > 0) {
                    lastNewOutput = System.nanoTime();
                    if (firstOutput == 0) {
                        firstOutput = System.nanoTime();
                        cpuAtFirstOutput = jobCpuSeconds(jobs); // start-up, restore and JIT warm-up are mostly behind
                        threadsAtFirstOutput = ProcCpu.threads(jobs.get(0).pid());
                        kafkaAtFirstOutput = kafkaPid.map(ProcCpu::process).orElse(-1L);
                        cassandraAtFirstOutput = cassandraPid.map(ProcCpu::process).orElse(-1L);
                    }
                }
                // paced runs read every row each poll: the output of a long run is consumed only after its publication
                boolean quiet = rate > 0 || System.nanoTime() - lastNewOutput > TimeUnit.SECONDS.toNanos(5);
                try {
                    if (quiet) { // paced, or nothing emitted for 5 s yet users pending: read every row
                        removeCurrent(session.execute(rows.bind().setPageSize(5000)
                                .setTimeout(Duration.ofSeconds(30))), lastEvent, pending);
                        lastNewOutput = System.nanoTime();
                    } else {
                        List<String> ids = new ArrayList<>(candidates);
                        for (int i = 0; i < ids.size(); i += 100) {
                            removeCurrent(session.execute(someRows.bind().setList("users", ids.subList(i,
                                    Math.min(ids.size(), i + 100)), String.class).setTimeout(Duration.ofSeconds(30))),
                                    lastEvent, pending);
                        }
                    }
                    candidates.retainAll(pending);
                } catch (com.datastax.oss.driver.api.core.DriverException e) {
                    System.out.println("poll failed, retrying: " + e); // a busy shared machine: the next poll decides
                }
                if (Duration.ofNanos(System.nanoTime() - started).toMinutes() > 20) {
                    throw new IllegalStateException("not drained in 20 minutes: " + pending.size() + " of "
                            + lastEvent.size() + " enrolments not current");
                }
            }
            long end = System.nanoTime();
            double cpuSeconds = jobCpuSeconds(jobs);
            Map<String, Long> threadsAtEnd = ProcCpu.threads(jobs.get(0).pid());
            long kafkaAtEnd = kafkaPid.map(ProcCpu::process).orElse(-1L);
            long cassandraAtEnd = cassandraPid.map(ProcCpu::process).orElse(-1L);
            printBreakdown("job threads from the first output", threadsAtFirstOutput, threadsAtEnd, events);
            if (kafkaAtFirstOutput >= 0 && kafkaAtEnd >= 0) {
                System.out.printf("Kafka broker CPU from the first output: %.0f µs per event%n",
                        (kafkaAtEnd - kafkaAtFirstOutput) * ProcCpu.TICK_SECONDS * 1e6 / events);
            }
            if (cassandraAtFirstOutput >= 0 && cassandraAtEnd >= 0) {
                System.out.printf("Cassandra CPU from the first output: %.0f µs per event (the whole node: other "
                        + "clients included)%n", (cassandraAtEnd - cassandraAtFirstOutput) * ProcCpu.TICK_SECONDS * 1e6 / events);
            }
            if (phaseStart != null) {
                long[] phaseEnd = phaseCpu(jobs, kafkaPid, cassandraPid);
                String[] names = {"job", "Cassandra", "Kafka", "this bench (producer, row polls)", "machine (all cores)"};
                StringBuilder line = new StringBuilder("CPU of the measured phase (publication to every row current), "
                        + "µs per event:");
                for (int i = 0; i < names.length; i++) {
                    line.append(String.format(" %s %.0f;", names[i],
                            (phaseEnd[i] - phaseStart[i]) * ProcCpu.TICK_SECONDS * 1e6 / events));
                }
                printBreakdown("job threads over the measured phase", threadsAtPhaseStart, threadsAtEnd, events);
                System.out.println(line + String.format(" the machine's cores %.0f %% busy",
                        100.0 * (phaseEnd[MACHINE] - phaseStart[MACHINE]) * ProcCpu.TICK_SECONDS
                                / ((end - started) / 1e9 * Runtime.getRuntime().availableProcessors())));
            }
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.printf("job CPU %.1f s in total (start-up included): %.0f µs of job CPU per event; "
                    + "load average %.1f%n", cpuSeconds, cpuSeconds * 1e6 / events, load);
            // the steadier figure: CPU from the first output to the end over all events (the few absorbed before the
            // first flush are in the divisor, not in the CPU: it reads a few % low)
            System.out.printf("job CPU from the first output: %.1f s, %.0f µs per event%n",
                    cpuSeconds - cpuAtFirstOutput, (cpuSeconds - cpuAtFirstOutput) * 1e6 / events);
            // the fairest rate when flush windows differ: a first output after a longer first window starts late
            System.out.printf("from the run loop's start: %.0f events/s (%.1f s), job CPU %.1f s = %.0f µs per event%n",
                    events / ((end - runLoop) / 1e9), (end - runLoop) / 1e9, cpuSeconds - cpuAtRunLoop,
                    (cpuSeconds - cpuAtRunLoop) * 1e6 / events);
            emitted = consumer.endOffsets(out).values().stream().mapToLong(Long::longValue).sum() - outputBefore;
            System.out.printf("rows written per event: %.3f (each enrolment-progress record is one write of the "
                    + "enrolment's three rows)%n", (double) emitted / events);
            System.out.printf("%d process(es) drained %d events (%d enrolments, %d enrolment-progress records): "
                            + "%.0f events/s from the first output (%.1f s), %.0f events/s %s (%.1f s)%n",
                    processes, events, lastEvent.size(), emitted, events / ((end - firstOutput) / 1e9),
                    (end - firstOutput) / 1e9, events / ((end - started) / 1e9),
                    warmup > 0 ? "from the first measured event's publication" : "including start-up",
                    (end - started) / 1e9);
            if (published > 0) { // kept up: every row current within about a flush window of the last publication
                System.out.printf("every row current %.1f s after the last measured event was published%n",
                        (end - published) / 1e9);
            }
        }
    }

    /** Index of the whole machine's busy ticks in {@link #phaseCpu}'s answer. */
    private static final int MACHINE = 4;

    /** Ticks so far: the job processes, Cassandra, Kafka, this JVM, and the whole machine's busy time. */
    private static long[] phaseCpu(List<JobProcess> jobs, Optional<Long> kafkaPid, Optional<Long> cassandraPid) {
        long job = jobs.stream().mapToLong(j -> ProcCpu.process(j.pid())).sum();
        return new long[] {job, cassandraPid.map(ProcCpu::process).orElse(0L), kafkaPid.map(ProcCpu::process).orElse(0L),
                ProcCpu.process(ProcessHandle.current().pid()), ProcCpu.machineBusy()};
    }

    /** Waits until every user's row carries its last event's time (a full read every second: only for the warm-up). */
    private static void awaitRows(CqlSession session, PreparedStatement rows, Map<String, Instant> lastEvent)
            throws InterruptedException {
        Set<String> pending = new HashSet<>(lastEvent.keySet());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("warm-up not drained in 20 minutes: " + pending.size() + " pending");
            }
            Thread.sleep(1000);
            try {
                removeCurrent(session.execute(rows.bind().setPageSize(5000).setTimeout(Duration.ofSeconds(30))),
                        lastEvent, pending);
            } catch (com.datastax.oss.driver.api.core.DriverException e) {
                System.out.println("poll failed, retrying: " + e);
            }
        }
    }

    /** Removes from {@code pending} every user whose row carries its last event's time. */
    private static void removeCurrent(Iterable<Row> userRows, Map<String, Instant> lastEvent, Set<String> pending) {
        for (Row r : userRows) {
            if (lastEvent.get(r.getString("user_id")).equals(r.getInstant("updated_at"))) {
                pending.remove(r.getString("user_id"));
            }
        }
    }

    /**
     * Publishes events {@code from} to {@code from + count} (event i at start + i ms), at {@code perSecond} (0: as fast as
     * it can); each user's last event time.
     */
    private static Map<String, Instant> publish(KafkaProducer<String, byte[]> producer, String token, int from, int count,
                                                int enrolments, Random random, Instant start, double perSecond) {
        List<String> contents = List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "qz");
        Map<String, Instant> lastEvent = new java.util.HashMap<>(); // user → its last event's time = its rows' updated_at
        long t0 = System.nanoTime();
        for (int i = from; i < from + count; i++) {
            if (perSecond > 0 && (i - from) % 100 == 0) { // paced: event i leaves at t0 + i / rate, not before
                long due = t0 + (long) ((i - from) * 1e9 / perSecond);
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            Instant at = start.plusMillis(i);
            String content = contents.get(random.nextInt(contents.size()));
            int status = random.nextInt(3);
            ContentState s = new ContentState(content, status, status == 2 ? 100 : 30, 1, status == 2 ? 1 : 0, at,
                    status == 2 ? at : null, null);
            List<ContentStateEvent.Attempt> attempts = content.equals("qz") && status == 2
                    ? List.of(ContentStateEvent.Attempt.of("qz", "a" + i, at, List.of(new ContentStateEvent.Question(
                    "q1", null, "mcq", 10, random.nextInt(11), 20.0, at, null, Map.of()))))
                    : List.of();
            String user = "user" + random.nextInt(enrolments);
            lastEvent.put(user, at);
            ContentStateEvent e = ContentStateEvent.of("tenant1", user, "course1", "batch1", "r" + i, List.of(s),
                    attempts, at, at);
            producer.send(new ProducerRecord<>(token + ".content-state", e.key(), Json.writeBytes(e)));
        }
        producer.flush();
        return lastEvent;
    }

    /** The first job process's CPU between two samples by thread group (µs per event), largest first. */
    private static void printBreakdown(String what, Map<String, Long> before, Map<String, Long> after, int events) {
        StringBuilder line = new StringBuilder(what + " (µs per event):");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.1f;", e.getKey(),
                        e.getValue() * ProcCpu.TICK_SECONDS * 1e6 / events)));
        System.out.println(line);
        long all = 0;
        long compiler = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            all += delta;
            compiler += e.getKey().contains("CompilerThre") ? delta : 0;
        }
        // the JIT's compiler threads are warm-up that a long-running job pays once: without them, the steady rate
        System.out.printf("%s: %.0f µs per event, %.0f without the JIT compiler's%n",
                what, all * ProcCpu.TICK_SECONDS * 1e6 / events, (all - compiler) * ProcCpu.TICK_SECONDS * 1e6 / events);
    }

    /** The job settings plus every {@code job.key=value} bench argument as {@code key=value} (e.g. a flush window). */
    private static List<String> with(Map<String, String> a, List<String> settings) {
        List<String> out = new ArrayList<>(settings);
        a.entrySet().stream().filter(e -> e.getKey().startsWith("job."))
                .forEach(e -> out.add(e.getKey().substring(4) + "=" + e.getValue()));
        return out;
    }

    private static double jobCpuSeconds(List<JobProcess> jobs) {
        return jobs.stream().mapToLong(j -> j.cpu().toMillis()).sum() / 1000.0;
    }

    /** Stops the job processes however the run ends (a failed poll must not leave them running). */
    private record JobsStopper(List<JobProcess> jobs) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            for (JobProcess j : jobs) {
                if (j.alive()) {
                    j.stop();
                }
            }
        }
    }
}
