package dev.stride.ops.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.ManagedProcess;
import dev.stride.ops.stack.StackConfig;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka is killed (SIGKILL) while learners send content-state updates through a real content-state-api
 * process, then restarted. Every request must answer 200 or 503 within a bound; afterwards every update
 * that reached Cassandra must be on the topic (the outbox relay repairs the 503s) and nothing that is not
 * in Cassandra may be on it (no phantom events). Runs its own Kafka and API on spare ports.
 */
@StrideIntegrationTest
class KafkaOutageIT {
  private static final String TENANT = "t-outage";
  private static final int LEARNERS = 10;
  private static final int LEAVES = 400;
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path home;

  record Outcome(String user, String content, int status, long millis) {}

  @Test
  void everyStoredUpdateReachesKafkaAfterAnOutageAndNoRequestHangs(StrideStack stack) throws Exception {
    try (FailureRig.OwnStack own = FailureRig.OwnStack.start(stack, home, "outage")) {
      StackConfig config = own.config();
      String keyspace = own.keyspace();
      StrideClient client = own.client();
      String admin = own.admin(TENANT);
      FailureRig.putCourse(client, admin, "course-o", LEAVES);
      String batchId = FailureRig.createBatch(client, admin, "course-o");
      List<String> tokens = own.enrolLearners(TENANT, "course-o", batchId, LEARNERS);

      ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      FailureRig.Load load = new FailureRig.Load(LEARNERS * LEAVES, n -> {
        // every request updates its own (learner, content): each stored fact must show up on the topic
        String user = "u" + (n % LEARNERS);
        String content = "leaf-" + (n / LEARNERS);
        long t0 = System.nanoTime();
        StrideClient.Response r = client.send("PATCH", "/v1/content/state/update", tokens.get(n % LEARNERS),
            "{\"userId\":\"" + user + "\",\"contents\":[{\"contentId\":\"" + content + "\",\"courseId\":\"course-o\",\"batchId\":\""
                + batchId + "\",\"status\":1,\"progress\":50,\"lastAccessTime\":\"" + Instant.now() + "\"}]}").join();
        outcomes.add(new Outcome(user, content, r.status(), (System.nanoTime() - t0) / 1_000_000));
      });
      Thread.sleep(3000);
      ManagedProcess broker = ManagedProcess.read(config.pidFile("kafka"), "kafka").orElseThrow();
      broker.handle().orElseThrow().destroyForcibly(); // kill -9 mid-load
      Thread.sleep(8000);
      load.stop();

      assertThat(outcomes).allSatisfy(o -> {
        assertThat(o.status()).as("answer for %s/%s", o.user(), o.content()).isIn(200, 503);
        assertThat(o.millis()).as("no request hangs").isLessThan(BOUND.toMillis());
      });
      assertThat(outcomes).as("some updates were accepted before the outage").anyMatch(o -> o.status() == 200);
      assertThat(outcomes).as("the outage was seen as 503").anyMatch(o -> o.status() == 503);

      own.kafka().up(); // same data directory: the broker comes back with what it had
      FailureRig.awaitEmptyOutbox(stack, keyspace, Duration.ofSeconds(90));

      Set<String> stored = new HashSet<>();
      for (Row row : stack.session().execute("SELECT user_id, content_id FROM " + keyspace + ".user_content_consumption")) {
        stored.add(row.getString("user_id") + "/" + row.getString("content_id"));
      }
      Set<String> published = new HashSet<>();
      FailureRig.events(config.kafkaBootstrap())
          .forEach(e -> e.contents().forEach(c -> published.add(e.userId() + "/" + c.contentId())));
      Set<String> accepted = outcomes.stream().filter(o -> o.status() == 200).map(o -> o.user() + "/" + o.content())
          .collect(Collectors.toSet());

      assertThat(stored).as("every 200 is stored").containsAll(accepted);
      assertThat(published).as("every stored update is on the topic, and nothing else is").isEqualTo(stored);
    }
  }
}
