package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * The group-progress API's figures. Aggregate rows are generated straight into the tables the Samza
 * aggregator writes (the service only reads them); groups, course trees and batches go through the APIs.
 */
public final class GroupBench {
  private static final Pattern ID = Pattern.compile("\"(groupId|batchId)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern COMPUTATIONS = Pattern.compile("(?m)^stride_cache_computations_total\\{[^}]*\\}\\s+([0-9.eE+]+)");

  private final CqlSession session;
  private final String keyspace;
  private final String tenant;
  private final StrideClient content;
  private final StrideClient groups;
  private final String admin;
  private final String ops;
  private final PrintStream out;
  private final String groupsUrl;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  public GroupBench(CqlSession session, String keyspace, String tenant, StrideClient content, StrideClient groups, String admin, String ops,
      PrintStream out) {
    this.groupsUrl = groups.baseUrl();
    this.session = session;
    this.keyspace = keyspace;
    this.tenant = tenant;
    this.content = content;
    this.groups = groups;
    this.admin = admin;
    this.ops = ops;
    this.out = out;
  }

  List<LoadResult> run(int members, int courses, int uncachedGroups, int dashboardLearners, int gradebookLearners, int assessments,
      Duration warmup, Duration measure) throws IOException, InterruptedException {
    List<LoadResult> results = new ArrayList<>();
    groups.ok("PUT", "/admin/cache/ttl", ops, "{\"ttl\":\"PT60S\"}");
    List<String> users = IntStream.range(0, members).mapToObj(i -> "gb-" + run + "-u" + i).toList();
    List<String> courseIds = IntStream.range(0, courses).mapToObj(i -> "gb-" + run + "-c" + i).toList();
    out.printf("setup: %d members with %d enrolments and aggregates each...%n", members, courses);
    writeMembers(users, courseIds);
    List<String> groupIds = new ArrayList<>();
    for (int g = 0; g < uncachedGroups + 1; g++) {
      groupIds.add(createGroup(users, courseIds));
    }
    String hot = groupIds.get(0);
    String agg = "{\"groupId\":\"" + hot + "\",\"activityId\":\"" + courseIds.get(0) + "\",\"activityType\":\"Course\"}";

    // 100 concurrent first requests for one group: how many computations?
    double before = computations();
    List<CompletableFuture<StrideClient.Response>> burst = IntStream.range(0, 100)
        .mapToObj(i -> groups.send("GET", "/v1/groups/" + hot + "/progress", admin, null)).toList();
    burst.forEach(CompletableFuture::join);
    out.printf("100 concurrent misses on one group -> %.0f computation(s)%n", computations() - before);

    // Uncached and cached answers are fetched as a browser does (gzip, decompressed in the timing); plain figures too.
    EncodedGet get = new EncodedGet(groupsUrl);
    Histogram cold = new Histogram(3);
    long coldStart = System.nanoTime();
    for (String groupId : groupIds.subList(1, groupIds.size())) {
      long t0 = System.nanoTime();
      StrideClient.Response r = get.get("/v1/groups/" + groupId + "/progress", admin, EncodedGet.Mode.GZIP, null).join();
      if (r.status() != 200) {
        throw new IOException("uncached group progress answered " + r.status() + ": " + r.body());
      }
      cold.recordValue((System.nanoTime() - t0) / 1000);
    }
    LoadResult uncached = new LoadResult("group progress uncached (" + members + "x" + courses + ")", cold.getTotalCount(), 0,
        (System.nanoTime() - coldStart) / 1e9, 1, cold);
    out.println(uncached.line() + "   (one request per fresh group, sequential, gzip)");
    results.add(uncached);

    // Closed loops: latency at a few clients is the per-request cost; at 100 clients it is 100 / throughput.
    double beforeLoop = computations();
    String hotPath = "/v1/groups/" + hot + "/progress";
    for (EncodedGet.Mode mode : EncodedGet.Mode.values()) {
      for (int clients : new int[] {1, 8, 100}) {
        LoadResult cached = ClosedLoop.run("group progress cached " + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + clients
            + " client(s)", clients, warmup, measure, 1, () -> get.get(hotPath, admin, mode, null));
        out.println(cached.line());
        results.add(cached);
      }
    }
    // The dashboard's 5 s refresh when nothing changed: If-None-Match with the current tag, answered 304 with no body.
    // Each client holds the latest tag as a browser does; a 200 after a refill (TTL) updates it and is counted.
    AtomicReference<String> etag = new AtomicReference<>(get.etag(hotPath, admin));
    for (int clients : new int[] {1, 8}) {
      LongAdder full = new LongAdder();
      LoadResult revalidated = ClosedLoop.run("group progress revalidation (If-None-Match), " + clients + " client(s)", clients, warmup,
          measure, 1, () -> get.revalidate(hotPath, admin, etag, full), status -> status == 304 || status == 200);
      out.println(revalidated.line() + "   (" + full.sum() + " of them 200 with a body, the rest 304, warm-up included)");
      results.add(revalidated);
    }
    out.printf("  computations during the cached runs: %.0f (TTL 60 s)%n", computations() - beforeLoop);
    LoadResult aggCached = ClosedLoop.run("activity/agg cached, 16 clients", 16, warmup, measure, 1,
        () -> groups.send("POST", "/v1/group/activity/agg", admin, agg));
    out.println(aggCached.line());
    results.add(aggCached);

    String[] dashboard = course(assessments, "gb-" + run + "-dash");
    out.printf("setup: %d learners in one batch...%n", dashboardLearners);
    writeBatch(dashboard[0], dashboard[1], dashboardLearners, 0);
    for (int clients : new int[] {1, 8}) {
      LoadResult dash = ClosedLoop.run("dashboard first page (" + dashboardLearners + "), " + clients + " client(s)", clients,
          warmup, measure, 1,
          () -> groups.send("GET", "/v1/course/" + dashboard[0] + "/batch/" + dashboard[1] + "/dashboard", admin, null));
      out.println(dash.line());
      results.add(dash);
    }

    String[] gradebook = course(assessments, "gb-" + run + "-grades");
    writeBatch(gradebook[0], gradebook[1], gradebookLearners, assessments);
    for (int clients : new int[] {1, 8}) {
      LoadResult grades = ClosedLoop.run("gradebook (" + gradebookLearners + "x" + assessments + "), " + clients + " client(s)",
          clients, warmup, measure, 1,
          () -> groups.send("GET", "/v1/course/" + gradebook[0] + "/batch/" + gradebook[1] + "/gradebook", admin, null));
      out.println(grades.line());
      results.add(grades);
    }
    return results;
  }

  private double computations() throws IOException {
    String metrics = groups.sendBody("GET", "/actuator/prometheus", ops, "text/plain", null).join().body();
    Matcher m = COMPUTATIONS.matcher(metrics);
    double sum = 0;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
    }
    return sum;
  }

  private void writeMembers(List<String> users, List<String> courseIds) {
    PreparedStatement user = session.prepare("INSERT INTO " + keyspace + ".users (tenant, user_id, name, updated_at) VALUES (?, ?, ?, ?)");
    PreparedStatement enrolment = session.prepare("INSERT INTO " + keyspace + ".user_enrolments (tenant, user_id, course_id, batch_id,"
        + " course_name, batch_name, active, status, progress, leaf_nodes_count, completion_percentage, last_access_time, total_score)"
        + " VALUES (?, ?, ?, ?, ?, ?, true, ?, ?, 20, ?, ?, ?)");
    PreparedStatement agg = session.prepare("INSERT INTO " + keyspace + ".user_activity_agg (tenant, activity_type, activity_id, user_id,"
        + " context_id, aggregates, agg_last_updated) VALUES (?, 'Course', ?, ?, ?, ?, ?)");
    Random random = new Random(42);
    List<CompletableFuture<?>> pending = new ArrayList<>();
    Instant now = Instant.now();
    for (String u : users) {
      pending.add(session.executeAsync(user.bind(tenant, u, "Member " + u, now)).toCompletableFuture());
      BatchStatementBuilder rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
      for (String c : courseIds) {
        int done = random.nextInt(21);
        rows.addStatement(enrolment.bind(tenant, u, c, c + "-b", c, c + " batch", done == 20 ? 2 : done > 0 ? 1 : 0, done,
            done * 5.0, now.minusSeconds(random.nextInt(86_400 * 10)), (double) random.nextInt(100)));
        pending.add(session.executeAsync(agg.bind(tenant, c, u, "cb:" + c + "-b",
            Map.of("completedCount", (double) done, "completionPercentage", done * 5.0), Map.of("completedCount", now))).toCompletableFuture());
      }
      pending.add(session.executeAsync(rows.build()).toCompletableFuture());
      if (pending.size() > 256) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  private String createGroup(List<String> users, List<String> courseIds) throws IOException {
    String members = users.stream().map(u -> "{\"userId\":\"" + u + "\",\"role\":\"member\"}").collect(Collectors.joining(","));
    String activities = courseIds.stream().map(c -> "{\"id\":\"" + c + "\",\"type\":\"Course\"}").collect(Collectors.joining(","));
    return id(groups.ok("POST", "/v1/group/create", admin, "{\"name\":\"Bench group\",\"members\":[" + members + "],\"activities\":["
        + activities + "]}").body());
  }

  /** A course with `assessments` assessment contents and one batch, through the content-state API: {courseId, batchId}. */
  private String[] course(int assessments, String courseId) throws IOException {
    String leaves = IntStream.range(0, Math.max(assessments, 1)).mapToObj(i -> "{\"identifier\":\"" + courseId + "-a" + i
        + "\",\"name\":\"Assessment " + i + "\",\"maxScore\":10}").collect(Collectors.joining(","));
    content.ok("PUT", "/v1/course/hierarchy/" + courseId, admin, "{\"name\":\"" + courseId + "\",\"children\":[{\"identifier\":\""
        + courseId + "-u\",\"name\":\"Unit\",\"children\":[" + leaves + "]}]}");
    String batch = id(content.ok("POST", "/v1/course/batch/create", admin, "{\"courseId\":\"" + courseId
        + "\",\"name\":\"Bench batch\",\"startDate\":\"" + LocalDate.now().minusDays(1) + "\",\"enrollmentType\":\"open\"}").body());
    return new String[] {courseId, batch};
  }

  private void writeBatch(String courseId, String batchId, int learners, int assessments) {
    PreparedStatement row = session.prepare("INSERT INTO " + keyspace + ".enrolments_by_batch (tenant, course_id, batch_id, user_id,"
        + " user_name, status, progress, leaf_nodes_count, completion_percentage, last_access_time, total_score, time_spent_seconds,"
        + " enrolled_date, best_scores) VALUES (?, ?, ?, ?, ?, ?, ?, 20, ?, ?, ?, ?, ?, ?)");
    List<CompletableFuture<?>> pending = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < learners; i++) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      int done = r.nextInt(21);
      Map<String, Double> best = new HashMap<>();
      for (int a = 0; a < assessments; a++) {
        best.put(courseId + "-a" + a, (double) r.nextInt(11));
      }
      pending.add(session.executeAsync(row.bind(tenant, courseId, batchId, "gb-" + run + "-l" + i, "Learner " + i,
          done == 20 ? 2 : 1, done, done * 5.0, now.minusSeconds(r.nextInt(86_400 * 14)),
          best.values().stream().mapToDouble(Double::doubleValue).sum(), (long) r.nextInt(36_000), now, best)).toCompletableFuture());
      if (pending.size() > 256) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  private static String id(String body) throws IOException {
    Matcher m = ID.matcher(body);
    if (!m.find()) {
      throw new IOException("no id in " + body);
    }
    return m.group(2);
  }
}
