package dev.stride.ops.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.ContentStateApiServer;
import dev.stride.ops.stack.KafkaServer;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.Stack;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import dev.stride.ops.stack.Tokens;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the failure tests share: their own Kafka and API, a course and its batches, load, the outbox's drain, the topic's events. */
final class FailureRig {

  private FailureRig() {}

  /**
   * A test's own Kafka and content-state-api on spare ports, over a fresh migrated keyspace of the shared Cassandra;
   * closing stops both.
   */
  record OwnStack(StackConfig config, Stack kafka, Stack api, String secret, StrideClient client) implements AutoCloseable {

    static OwnStack start(StrideStack stack, Path home, String keyspacePrefix) throws IOException, StackException {
      return start(stack, home, keyspacePrefix, Map.of());
    }

    /** With extra settings for the API (Spring's relaxed binding: STRIDE_OUTBOX_..., STRIDE_KAFKA_...). */
    static OwnStack start(StrideStack stack, Path home, String keyspacePrefix, Map<String, String> apiEnvironment)
        throws IOException, StackException {
      String keyspace = stack.freshKeyspace(keyspacePrefix);
      MigrationRunner.migrate(stack.session(), keyspace, Replication.simple(1));
      StackConfig config = new StackConfig(Path.of(System.getProperty("user.dir")).getParent(), home, "127.0.0.1",
          stack.endpoints().cassandraPort(), free(), free(), free(), free(), free(), keyspace, "512m", free(), free());
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);
      OwnStack own = new OwnStack(config, new Stack(config, List.of(new KafkaServer()), quiet),
          new Stack(config, List.of(new ContentStateApiServer(apiEnvironment)), quiet), Secrets.jwtSecret(config),
          new StrideClient(config.contentStateApiUrl()));
      try {
        own.kafka.up();
        own.api.up();
        return own;
      } catch (StackException | RuntimeException e) {
        own.close();
        throw e;
      }
    }

    String keyspace() {
      return config.keyspace();
    }

    String admin(String tenant) {
      return Tokens.mint(secret, tenant, "admin", List.of("ORG_ADMIN"), null, Duration.ofHours(1));
    }

    /** Enrols learners u0, u1, ... in the batch; answers their tokens. */
    List<String> enrolLearners(String tenant, String courseId, String batchId, int learners) throws IOException {
      List<String> tokens = IntStream.range(0, learners)
          .mapToObj(i -> Tokens.mint(secret, tenant, "u" + i, List.of("LEARNER"), null, Duration.ofHours(1))).toList();
      for (int i = 0; i < learners; i++) {
        client.ok("POST", "/v1/course/enrol", tokens.get(i),
            "{\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId + "\",\"userId\":\"u" + i + "\"}");
      }
      return tokens;
    }

    @Override
    public void close() {
      api.down(List.of());
      kafka.down(List.of());
    }
  }

  /** Eight threads sending request n for n = 0, 1, ... below {@code total}, until stopped. */
  static final class Load {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    Load(int total, IntConsumer request) {
      for (int t = 0; t < 8; t++) {
        threads.submit(() -> {
          for (int n = next.getAndIncrement(); n < total && !stop.get(); n = next.getAndIncrement()) {
            request.accept(n);
          }
        });
      }
    }

    void stop() throws InterruptedException {
      stop.set(true);
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A course of {@code leaves} contents leaf-0.. under one unit. */
  static void putCourse(StrideClient client, String admin, String courseId, int leaves) throws IOException {
    String children = IntStream.range(0, leaves).mapToObj(i -> "{\"identifier\":\"leaf-" + i + "\",\"name\":\"Leaf " + i + "\"}")
        .collect(Collectors.joining(","));
    client.ok("PUT", "/v1/course/hierarchy/" + courseId, admin,
        "{\"name\":\"Failure course\",\"children\":[{\"identifier\":\"unit-1\",\"name\":\"Unit\",\"children\":[" + children + "]}]}");
  }

  /** An open batch of the course that started yesterday; answers its id. */
  static String createBatch(StrideClient client, String admin, String courseId) throws IOException {
    String body = client.ok("POST", "/v1/course/batch/create", admin, "{\"courseId\":\"" + courseId
        + "\",\"name\":\"Failure batch\",\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
        + "\",\"enrollmentType\":\"open\"}").body();
    Matcher m = Pattern.compile("\"batchId\":\"([^\"]+)\"").matcher(body);
    assertThat(m.find()).as("batch id in %s", body).isTrue();
    return m.group(1);
  }

  static void awaitEmptyOutbox(StrideStack stack, String keyspace, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (stack.session().execute("SELECT event_id FROM " + keyspace + ".content_state_outbox LIMIT 1").one() != null) {
      assertThat(Instant.now()).as("the outbox relay empties the outbox").isBefore(deadline);
      Thread.sleep(1000);
    }
  }

  /** Every event on stride.content-state, read until the topic is quiet. */
  static List<ContentStateEvent> events(String bootstrap) {
    List<ContentStateEvent> events = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "failure-check",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("stride.content-state"));
      Instant quietSince = Instant.now();
      Instant deadline = Instant.now().plusSeconds(60);
      while (Duration.between(quietSince, Instant.now()).toSeconds() < 5 && Instant.now().isBefore(deadline)) {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          quietSince = Instant.now();
        }
        for (ConsumerRecord<String, byte[]> r : records) {
          events.add(Json.read(r.value(), ContentStateEvent.class));
        }
      }
    }
    return events;
  }

  static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
