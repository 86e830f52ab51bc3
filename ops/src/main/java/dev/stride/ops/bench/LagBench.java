package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * API-to-aggregate lag: an open-loop generator ({@link OpenLoop}) sends content-state updates at a fixed rate (requests
 * leave on schedule whether or not earlier ones answered), and for sampled requests measures the time from the API's 200 to the
 * moment the aggregator's row in user_enrolments includes the update. It polls updated_at, which only the aggregator
 * moves (to the ingest time of the latest event it wrote; the API's own last-read write leaves it alone): each update
 * carries a lastAccessTime `at` at or before its send, so its ingest time is at or after `at`, and earlier requests of
 * the learner were ingested before it (only a request of the same learner still in flight could show it a little
 * early). Rows are polled every {@link #POLL}.
 */
public final class LagBench {
  static final Duration POLL = Duration.ofMillis(20);
  static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(60);

  private final ApiBench api;
  private final StrideClient client;
  private final CqlSession session;
  private final String keyspace;
  private final String tenant;
  private final PrintStream out;

  LagBench(ApiBench api, StrideClient client, CqlSession session, String keyspace, String tenant, PrintStream out) {
    this.api = api;
    this.client = client;
    this.session = session;
    this.keyspace = keyspace;
    this.tenant = tenant;
    this.out = out;
  }

  /** What one open-loop run gave. */
  record Result(double rate, long sent, long ok, long failed, long skipped, long samples, long timedOut,
      Histogram requestMicros, Histogram lagMicros, Histogram fromSendMicros) {
    double lagMs(double percentile) {
      return lagMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    String line() {
      return String.format("open loop %.0f req/s: sent %d, 200 %d, failed %d, skipped %d; request p50 %.1f ms p99 %.1f ms; "
              + "API 200 → aggregate in Cassandra (%d samples, %d timed out): p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
              + "request sent → aggregate: p50 %.0f ms, p99 %.0f ms",
          rate, sent, ok, failed, skipped, requestMicros.getValueAtPercentile(50) / 1000.0,
          requestMicros.getValueAtPercentile(99) / 1000.0, samples, timedOut, lagMs(50), lagMs(99),
          lagMicros.getMaxValue() / 1000.0, fromSendMicros.getValueAtPercentile(50) / 1000.0,
          fromSendMicros.getValueAtPercentile(99) / 1000.0);
    }
  }

  /** A watched update: when it was due to be sent and when its 200 arrived (the aggregate may show before the 200 does). */
  private record Sample(String user, Instant lastAccess, long sentNanos, long okNanos) {}

  /** The API's closed-loop maximum for 1-content updates (the figure the open loop takes a share of). */
  double maxRate(ApiBench.Setup setup, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
    LoadResult max = api.updates(setup, 1, concurrency, warmup, measure);
    out.println(max.line());
    return max.requestsPerSecond();
  }

  Result run(ApiBench.Setup s, double rate, Duration warmup, Duration measure, double sampleRate) throws InterruptedException {
    PreparedStatement read = session.prepare("SELECT updated_at FROM " + keyspace
        + ".user_enrolments WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
    Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    Map<Long, Sample> watched = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Sample> pending = new ConcurrentLinkedQueue<>();
    Histogram lag = new Histogram(3);
    Histogram fromSend = new Histogram(3);
    AtomicLong samples = new AtomicLong();
    AtomicLong timedOut = new AtomicLong();
    long sampleEvery = Math.max(1, Math.round(rate / sampleRate));
    long endAt = System.nanoTime() + warmup.toNanos() + measure.toNanos();

    Thread poller = new Thread(() -> poll(read, s, pending, lag, fromSend, samples, timedOut, endAt), "lag-poller");
    poller.start();
    OpenLoop.Result r = OpenLoop.run(rate, warmup, measure, status -> status == 200, slot -> {
      int learner = ThreadLocalRandom.current().nextInt(s.learners().size());
      String user = s.learners().get(learner);
      // later than anything sent for this learner: the row shows this update when updated_at (its ingest time) reaches it
      Instant at = lastSent.merge(user, Instant.now().truncatedTo(ChronoUnit.MILLIS),
          (before, now) -> now.isAfter(before) ? now : before.plusMillis(1));
      if (slot.measured() && slot.index() % sampleEvery == 0) {
        watched.put(slot.index(), new Sample(user, at, slot.dueNanos(), 0));
      }
      String content = s.leaves().get(ThreadLocalRandom.current().nextInt(s.leaves().size()));
      int status = 1 + ThreadLocalRandom.current().nextInt(2);
      String body = "{\"userId\":\"" + user + "\",\"contents\":[{\"contentId\":\"" + content + "\",\"courseId\":\"" + s.courseId()
          + "\",\"batchId\":\"" + s.batchId() + "\",\"status\":" + status + ",\"progress\":" + (status == 2 ? 100 : 50)
          + ",\"lastAccessTime\":\"" + at + "\"}]}";
      return client.send("PATCH", "/v1/content/state/update", s.tokens().get(learner), body);
    }, (slot, response, failure, doneNanos) -> {
      Sample sample = watched.remove(slot.index());
      if (sample != null && failure == null && response.status() == 200) {
        pending.add(new Sample(sample.user(), sample.lastAccess(), sample.sentNanos(), doneNanos));
      }
    }, null);
    poller.join(SAMPLE_TIMEOUT.plusSeconds(30).toMillis());
    return new Result(rate, r.sent(), r.ok(), r.failed(), r.skipped(), samples.get(), timedOut.get(), r.latencyMicros(), lag, fromSend);
  }

  /** Until the load ended and every sample resolved or timed out: reads each pending sample's row every POLL. */
  private void poll(PreparedStatement read, ApiBench.Setup setup, ConcurrentLinkedQueue<Sample> pending, Histogram lag,
      Histogram fromSend, AtomicLong samples, AtomicLong timedOut, long endAt) {
    while (System.nanoTime() < endAt || !pending.isEmpty()) {
      long round = System.nanoTime();
      Map<Sample, CompletableFuture<Instant>> reads = new java.util.HashMap<>();
      for (Sample s : pending) {
        reads.put(s, session.executeAsync(read.bind(tenant, s.user(), setup.courseId(), setup.batchId())).toCompletableFuture()
            .thenApply(rs -> {
              Row row = rs.one();
              return row == null ? null : row.getInstant("updated_at");
            }));
      }
      for (Iterator<Sample> it = pending.iterator(); it.hasNext(); ) {
        Sample s = it.next();
        CompletableFuture<Instant> f = reads.get(s);
        if (f == null) {
          continue; // added after this round started
        }
        Instant seen;
        try {
          seen = f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          continue; // a slow read: the next round tries again
        }
        long now = System.nanoTime();
        if (seen != null && !seen.isBefore(s.lastAccess())) {
          lag.recordValue(Math.max(1, (now - s.okNanos()) / 1000)); // ~ the first poll when it showed before the 200
          fromSend.recordValue(Math.max(1, (now - s.sentNanos()) / 1000));
          samples.incrementAndGet();
          it.remove();
        } else if (now - s.okNanos() > SAMPLE_TIMEOUT.toNanos()) {
          timedOut.incrementAndGet();
          it.remove();
        }
      }
      long sleep = POLL.toNanos() - (System.nanoTime() - round);
      if (sleep > 0) {
        LockSupport.parkNanos(sleep);
      }
    }
  }

  /**
   * `stride bench lag`: sets up a course, batch and learners through the API, measures the API's closed-loop maximum
   * for 1-content updates (unless `rate` is given), then runs the open loop at `share` of it.
   */
  public static void runAll(StrideClient client, String adminToken, java.util.function.Function<String, String> learnerToken,
      CqlSession session, String keyspace, String tenant, PrintStream out, int learners, int leaves, double rate, double share,
      int maxConcurrency, Duration warmup, Duration measure, double samplesPerSecond) throws IOException, InterruptedException {
    out.printf("stride bench lag: %s, %d cores, load average %.1f%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ApiBench api = new ApiBench(client, adminToken, learnerToken, out);
    LagBench bench = new LagBench(api, client, session, keyspace, tenant, out);
    ApiBench.Setup setup = api.setUp(leaves, learners);
    double target = rate;
    if (target <= 0) {
      double max = bench.maxRate(setup, maxConcurrency, warmup, measure);
      target = max * share;
      out.printf("API maximum %.0f requests/s (closed loop, %d clients); open loop at %.0f %% = %.0f requests/s%n", max,
          maxConcurrency, share * 100, target);
      Thread.sleep(5000); // let the aggregator catch up with the maximum's backlog before measuring lag
    }
    Result r = bench.run(setup, target, warmup, measure, samplesPerSecond);
    out.println(r.line());
    out.printf("load average after: %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
