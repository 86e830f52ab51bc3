package dev.stride.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.ContentStateApiServer;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.Stack;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.Tokens;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo tenant loads through a real content-state-api process, and loading it again changes nothing. */
@StrideIntegrationTest
class DemoDataIT {

  @TempDir Path home;

  @Test
  void loadsTheDemoTenantAndARerunChangesNothing(StrideStack stack) throws Exception {
    String keyspace = stack.freshKeyspace("demo");
    MigrationRunner.migrate(stack.session(), keyspace, Replication.simple(1));
    String kafka = stack.kafkaBootstrap();
    StackConfig config = new StackConfig(Path.of(System.getProperty("user.dir")).getParent(), home, "127.0.0.1",
        stack.endpoints().cassandraPort(), free(), Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)), free(), free(),
        free(), keyspace, "512m", free(), free());
    // private topics: a running demo's aggregator must never see this test's events
    Stack api = new Stack(config, List.of(new ContentStateApiServer(Map.of(
        "STRIDE_KAFKA_CONTENTSTATETOPIC", stack.uniqueName("demo-it.content-state"),
        "STRIDE_KAFKA_COURSESTRUCTURETOPIC", stack.uniqueName("demo-it.course-structure")))),
        new PrintStream(new ByteArrayOutputStream(), true));
    try {
      api.up();
      String secret = Secrets.jwtSecret(config);
      StrideClient client = new StrideClient(config.contentStateApiUrl());
      DemoData demo = new DemoData(client, Tokens.mint(secret, DemoData.TENANT, "admin", List.of("ORG_ADMIN"), null, Duration.ofHours(1)),
          user -> Tokens.mint(secret, DemoData.TENANT, user, List.of("LEARNER"), null, Duration.ofHours(1)),
          home.resolve("demo/batches.properties"), new PrintStream(new ByteArrayOutputStream(), true));

      DemoData.Loaded first = demo.load();
      String learner = first.learners().get(0);
      String token = Tokens.mint(secret, DemoData.TENANT, learner, List.of("LEARNER"), null, Duration.ofHours(1));
      String courseId = first.courseIds().get(0);
      String read = "{\"userId\":\"" + learner + "\",\"courseId\":\"" + courseId + "\",\"batchId\":\""
          + first.batches().getProperty(courseId) + "\"}";
      String stateAfterFirst = client.ok("POST", "/v1/content/state/read", token, read).body();
      String courses = client.ok("GET", "/v1/user/courses/list/" + learner, token, null).body();

      DemoData.Loaded second = demo.load();

      assertThat(first.learners()).hasSize(30);
      assertThat(first.courseIds()).containsExactly("demo-data-literacy", "demo-python-basics");
      assertThat(courses).contains("demo-data-literacy", "demo-python-basics", "Data Literacy for Teachers — demo batch");
      assertThat(stateAfterFirst).contains("\"contentList\":[{");
      assertThat(second.batches()).as("the same batches are reused").isEqualTo(first.batches());
      assertThat(withoutEnvelopeIds(client.ok("POST", "/v1/content/state/read", token, read).body()))
          .as("replaying the demo adds nothing").isEqualTo(withoutEnvelopeIds(stateAfterFirst));
    } finally {
      api.down(List.of());
    }
  }

  private static String withoutEnvelopeIds(String body) {
    return body.replaceAll("\"ts\":\"[^\"]*\"", "").replaceAll("\"resmsgid\":\"[^\"]*\"", "");
  }

  private static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
