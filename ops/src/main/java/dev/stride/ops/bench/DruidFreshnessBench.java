package dev.stride.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freshness of the Druid reports: one content-state update through the API at a time, then Druid SQL polled every
 * 20 ms until the row is visible. The figure is the time from the API's 200 to the first answer that has the row
 * (API → Kafka → the Samza feed → the Druid topic → the indexer's real-time segment → the broker).
 */
public final class DruidFreshnessBench {
  private static final Pattern COUNT = Pattern.compile("\\[\\[(\\d+)]]");
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final StrideClient api;
  private final String adminToken;
  private final Function<String, String> learnerToken;
  private final String broker;
  private final String tenant;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public DruidFreshnessBench(StrideClient api, String adminToken, Function<String, String> learnerToken, String broker,
      String tenant, PrintStream out) {
    this.api = api;
    this.adminToken = adminToken;
    this.learnerToken = learnerToken;
    this.broker = broker;
    this.tenant = tenant;
    this.out = out;
  }

  /** {@code samples} updates, each by a learner with no earlier row, so the first row seen is the update's. */
  public void run(int samples) throws IOException, InterruptedException {
    ApiBench.Setup s = new ApiBench(api, adminToken, learnerToken, out).setUp(5, samples);
    long[] millis = new long[samples];
    for (int i = 0; i < samples; i++) {
      String user = s.learners().get(i);
      String body = "{\"userId\":\"" + user + "\",\"contents\":[{\"contentId\":\"" + s.leaves().get(i % s.leaves().size())
          + "\",\"courseId\":\"" + s.courseId() + "\",\"batchId\":\"" + s.batchId() + "\",\"status\":2,\"progress\":100,"
          + "\"lastAccessTime\":\"" + Instant.now() + "\"}]}";
      api.ok("PATCH", "/v1/content/state/update", s.tokens().get(i), body);
      long t0 = System.nanoTime();
      String sql = "SELECT COUNT(*) FROM learner_progress WHERE tenant = '" + tenant + "' AND course_id = '" + s.courseId()
          + "' AND user_id = '" + user + "'";
      while (count(sql) == 0) {
        if (System.nanoTime() - t0 > GIVE_UP.toNanos()) {
          throw new IOException("the update of " + user + " was not visible in Druid within " + GIVE_UP.toSeconds()
              + " s: is the Druid feed running (stride up --with druid)?");
        }
        Thread.sleep(20);
      }
      millis[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    Arrays.sort(millis);
    out.printf("druid-freshness: %d updates, API 200 -> visible in Druid SQL: p50 %d ms, p95 %d ms, max %d ms%n", samples,
        percentile(millis, 50), percentile(millis, 95), millis[samples - 1]);
  }

  private long count(String sql) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(broker + "/druid/v2/sql"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + sql.replace("\"", "\\\"") + "\",\"resultFormat\":\"array\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      if (r.body().contains("not found")) {
        return 0; // learner_progress exists once its first row arrived
      }
      throw new IOException("Druid SQL answered " + r.statusCode() + ": " + r.body());
    }
    Matcher m = COUNT.matcher(r.body());
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static long percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
