package dev.stride.ops.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.event.ContentStateEvent;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content-state-api process is killed (SIGKILL) while learners send updates, then started again. Every update it
 * acknowledged must be stored; once the new process's relay has run, every stored update must be on the topic and
 * nothing else: the outbox rows of requests cut short are published when their writes landed and dropped when they did
 * not. Each request also carries a content for a batch the learner is not enrolled in, whose outbox row is written
 * speculatively beside the enrolment read: no event may ever be published for that batch. Own Kafka and API.
 */
@StrideIntegrationTest
class ApiCrashIT {
  private static final String TENANT = "t-crash";
  private static final int LEARNERS = 10;
  private static final int LEAVES = 400;

  @TempDir Path home;

  record Outcome(String user, String content, int status) {}

  @Test
  void acknowledgedUpdatesSurviveAKilledApiAndOnlyStoredOnesArePublished(StrideStack stack) throws Exception {
    try (FailureRig.OwnStack own = FailureRig.OwnStack.start(stack, home, "crash",
        // deletes held 3 s (20 ms shipped), so the kill finds refused rows whose delete was still pending
        Map.of("STRIDE_OUTBOX_DELETEWINDOW", "3s"))) {
      StackConfig config = own.config();
      String keyspace = own.keyspace();
      StrideClient client = own.client();
      String admin = own.admin(TENANT);
      FailureRig.putCourse(client, admin, "course-c", LEAVES);
      String enrolled = FailureRig.createBatch(client, admin, "course-c");
      String refused = FailureRig.createBatch(client, admin, "course-c");
      List<String> tokens = own.enrolLearners(TENANT, "course-c", enrolled, LEARNERS);

      ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      FailureRig.Load load = new FailureRig.Load(LEARNERS * LEAVES, n -> {
        // every request updates its own (learner, content) in the enrolled batch, and the same content in the other
        String user = "u" + (n % LEARNERS);
        String content = "leaf-" + (n / LEARNERS);
        String state = "\"contentId\":\"" + content + "\",\"courseId\":\"course-c\",\"status\":1,\"progress\":50,"
            + "\"lastAccessTime\":\"" + Instant.now() + "\"";
        int status;
        try {
          status = client.send("PATCH", "/v1/content/state/update", tokens.get(n % LEARNERS), "{\"userId\":\"" + user
              + "\",\"contents\":[{" + state + ",\"batchId\":\"" + enrolled + "\"},{" + state + ",\"batchId\":\"" + refused
              + "\"}]}").join().status();
        } catch (RuntimeException e) {
          status = -1; // the connection died with the process
        }
        outcomes.add(new Outcome(user, content, status));
      });
      Thread.sleep(4000);
      ManagedProcess process = ManagedProcess.read(config.pidFile("content-state-api"), "content-state-api").orElseThrow();
      process.handle().orElseThrow().destroyForcibly(); // kill -9 mid-load: requests in flight, deletes still pending
      Thread.sleep(500);
      load.stop();
      assertThat(outcomes).as("updates were accepted before the crash").anyMatch(o -> o.status() == 200);
      assertThat(outcomes).as("the crash was seen").anyMatch(o -> o.status() != 200);

      List<String> left = stack.session().execute("SELECT payload FROM " + keyspace + ".content_state_outbox").all().stream()
          .map(r -> r.getString("payload")).toList();
      assertThat(left).as("the killed process left outbox rows, of both batches").anyMatch(p -> p.contains(enrolled))
          .anyMatch(p -> p.contains(refused));

      own.api().up(); // a new process; its relay sweeps what the killed one left
      FailureRig.awaitEmptyOutbox(stack, keyspace, Duration.ofSeconds(90));

      Set<String> stored = new HashSet<>();
      for (Row row : stack.session().execute("SELECT user_id, content_id, batch_id FROM " + keyspace + ".user_content_consumption")) {
        assertThat(row.getString("batch_id")).as("nothing stored for the batch without enrolments").isEqualTo(enrolled);
        stored.add(row.getString("user_id") + "/" + row.getString("content_id"));
      }
      List<ContentStateEvent> events = FailureRig.events(config.kafkaBootstrap());
      assertThat(events).extracting(ContentStateEvent::batchId).as("no event for a refused group").containsOnly(enrolled);
      Set<String> published = events.stream().flatMap(e -> e.contents().stream().map(c -> e.userId() + "/" + c.contentId()))
          .collect(Collectors.toSet());
      Set<String> accepted = outcomes.stream().filter(o -> o.status() == 200).map(o -> o.user() + "/" + o.content())
          .collect(Collectors.toSet());

      assertThat(stored).as("every 200 is stored").containsAll(accepted);
      assertThat(published).as("every stored update is on the topic, and nothing else is").isEqualTo(stored);
    }
  }
}
