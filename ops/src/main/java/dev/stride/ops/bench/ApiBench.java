package dev.stride.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Load through the content-state API over HTTP, as learner apps send it: a course of `leaves`
 * contents, `learners` enrolled learners, content-state updates of `contentsPerRequest` contents.
 */
final class ApiBench {
  /** The p99 target: the open loop lists the seconds whose requests took longer. */
  static final long SLOW_MICROS = 50_000;
  private static final Pattern BATCH_ID = Pattern.compile("\"batchId\"\\s*:\\s*\"([^\"]+)\"");

  private final StrideClient client;
  private final LoadClient load;
  private final Function<String, String> learnerToken;
  private final String adminToken;
  private final PrintStream out;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);

  ApiBench(StrideClient client, String adminToken, Function<String, String> learnerToken, PrintStream out) {
    this(client, client, adminToken, learnerToken, out);
  }

  /** {@code load} sends the measured phases' requests; {@code client} the setup's. */
  ApiBench(StrideClient client, LoadClient load, String adminToken, Function<String, String> learnerToken, PrintStream out) {
    this.client = client;
    this.load = load;
    this.adminToken = adminToken;
    this.learnerToken = learnerToken;
    this.out = out;
  }

  record Setup(String courseId, String batchId, List<String> leaves, List<String> learners, List<String> tokens) {}

  Setup setUp(int leaves, int learners) throws IOException {
    String courseId = "bench-course-" + runId;
    List<String> leafIds = IntStream.range(0, leaves).mapToObj(i -> courseId + "-c" + i).toList();
    putCourse(courseId, leafIds);
    String batchId = createBatch(courseId);
    List<String> users = IntStream.range(0, learners).mapToObj(i -> "bench-u" + i + "-" + runId).toList();
    List<String> tokens = users.stream().map(learnerToken).toList();
    out.printf("setup: course %s (%d contents), batch %s, enrolling %d learners...%n", courseId, leaves, batchId, learners);
    List<CompletableFuture<StrideClient.Response>> enrolments = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      enrolments.add(client.send("POST", "/v1/course/enrol", tokens.get(i),
          "{\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId + "\",\"userId\":\"" + users.get(i) + "\"}"));
      if (enrolments.size() >= 64) {
        awaitOk(enrolments);
      }
    }
    awaitOk(enrolments);
    return new Setup(courseId, batchId, leafIds, users, tokens);
  }

  LoadResult updates(Setup s, int contentsPerRequest, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
    return updates(s, contentsPerRequest, concurrency, warmup, measure, null);
  }

  LoadResult updates(Setup s, int contentsPerRequest, int concurrency, Duration warmup, Duration measure, CpuMeter cpu)
      throws InterruptedException {
    return ClosedLoop.run("state/update x" + contentsPerRequest, concurrency, warmup, measure, contentsPerRequest, () -> {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      int learner = r.nextInt(s.learners().size());
      String contents = IntStream.range(0, contentsPerRequest).mapToObj(i -> {
        int status = 1 + r.nextInt(2);
        return "{\"contentId\":\"" + s.leaves().get(r.nextInt(s.leaves().size())) + "\",\"courseId\":\"" + s.courseId()
            + "\",\"batchId\":\"" + s.batchId() + "\",\"status\":" + status + ",\"progress\":" + (status == 2 ? 100 : r.nextInt(100))
            + ",\"lastAccessTime\":\"" + Instant.now().minusMillis(r.nextInt(1000)) + "\"}";
      }).collect(Collectors.joining(","));
      return load.send("PATCH", "/v1/content/state/update", s.tokens().get(learner),
          "{\"userId\":\"" + s.learners().get(learner) + "\",\"contents\":[" + contents + "]}");
    }, cpu);
  }

  /**
   * Open loop at {@code rate} requests/s, latency from each request's scheduled send time. Bodies are assembled from
   * content fragments built once (one timestamp formatted per request), so the generator leaves the cores to the stack.
   */
  LoadResult openUpdates(Setup s, int contentsPerRequest, double rate, Duration warmup, Duration measure, CpuMeter cpu)
      throws InterruptedException {
    int leaves = s.leaves().size();
    int perRequest = Math.min(contentsPerRequest, leaves);
    // fragment [leaf][v]: v 0..9 in progress (status 1, progress 10 v), v 10 completed (status 2, progress 100)
    String[][] fragments = new String[leaves][11];
    for (int c = 0; c < leaves; c++) {
      for (int v = 0; v <= 10; v++) {
        fragments[c][v] = "{\"contentId\":\"" + s.leaves().get(c) + "\",\"courseId\":\"" + s.courseId() + "\",\"batchId\":\""
            + s.batchId() + "\",\"status\":" + (v == 10 ? 2 : 1) + ",\"progress\":" + (v == 10 ? 100 : 10 * v) + ",\"lastAccessTime\":\"";
      }
    }
    String[] userPrefix = s.learners().stream().map(u -> "{\"userId\":\"" + u + "\",\"contents\":[").toArray(String[]::new);
    SlowSeconds slow = new SlowSeconds(SLOW_MICROS);
    OpenLoop.Result r = OpenLoop.run(rate, warmup, measure, status -> status == 200, slot -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      int learner = random.nextInt(userPrefix.length);
      String at = Instant.now().toString();
      StringBuilder body = new StringBuilder(64 + perRequest * (fragments[0][0].length() + 40)).append(userPrefix[learner]);
      int first = random.nextInt(leaves);
      for (int i = 0; i < perRequest; i++) { // distinct contents: consecutive from a random start
        body.append(i == 0 ? "" : ",").append(fragments[(first + i) % leaves][random.nextInt(11)]).append(at).append("\"}");
      }
      return load.send("PATCH", "/v1/content/state/update", s.tokens().get(learner), body.append("]}").toString());
    }, slow, cpu);
    out.printf("  seconds with requests over %d ms (UTC, by send time): %s%n", SLOW_MICROS / 1000, slow.summary());
    return r.load(String.format("state/update x%d open %.0f/s", contentsPerRequest, rate), contentsPerRequest);
  }

  record ListSetup(String userId, String token, int courses) {}

  /** One learner enrolled in `courses` courses (a batch each), for GET /v1/user/courses/list/{userId}. */
  ListSetup coursesListSetUp(int courses) throws IOException {
    String user = "bench-many-" + runId;
    String token = learnerToken.apply(user);
    out.printf("setup: %d courses with a batch each, one learner enrolled in all...%n", courses);
    for (int i = 0; i < courses; i++) {
      String courseId = "bench-list-" + runId + "-" + i;
      putCourse(courseId, List.of(courseId + "-a", courseId + "-b", courseId + "-c"));
      String batchId = createBatch(courseId);
      client.ok("POST", "/v1/course/enrol", token,
          "{\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId + "\",\"userId\":\"" + user + "\"}");
    }
    return new ListSetup(user, token, courses);
  }

  LoadResult coursesList(ListSetup s, int concurrency, Duration warmup, Duration measure, CpuMeter cpu) throws InterruptedException {
    return ClosedLoop.run("courses/list (" + s.courses() + " enrolments)", concurrency, warmup, measure, 1,
        () -> load.send("GET", "/v1/user/courses/list/" + s.userId(), s.token(), null), cpu);
  }

  private void putCourse(String courseId, List<String> leafIds) throws IOException {
    int unitSize = Math.max(1, leafIds.size() / 5);
    List<String> units = new ArrayList<>();
    for (int u = 0; u * unitSize < leafIds.size(); u++) {
      String children = leafIds.subList(u * unitSize, Math.min(leafIds.size(), (u + 1) * unitSize)).stream()
          .map(id -> "{\"identifier\":\"" + id + "\",\"name\":\"" + id + "\",\"mimeType\":\"video/mp4\"}")
          .collect(Collectors.joining(","));
      units.add("{\"identifier\":\"" + courseId + "-unit" + u + "\",\"name\":\"Unit " + u + "\",\"children\":[" + children + "]}");
    }
    client.ok("PUT", "/v1/course/hierarchy/" + courseId, adminToken,
        "{\"name\":\"Bench " + courseId + "\",\"children\":[" + String.join(",", units) + "]}");
  }

  private String createBatch(String courseId) throws IOException {
    String body = client.ok("POST", "/v1/course/batch/create", adminToken, "{\"courseId\":\"" + courseId
        + "\",\"name\":\"Bench batch\",\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
        + "\",\"enrollmentType\":\"open\"}").body();
    Matcher m = BATCH_ID.matcher(body);
    if (!m.find()) {
      throw new IOException("batch/create gave no batchId: " + body);
    }
    return m.group(1);
  }

  private static void awaitOk(List<CompletableFuture<StrideClient.Response>> pending) throws IOException {
    for (CompletableFuture<StrideClient.Response> f : pending) {
      StrideClient.Response r = f.join();
      if (r.status() != 200) {
        throw new IOException("setup request answered " + r.status() + ": " + r.body());
      }
    }
    pending.clear();
  }
}
