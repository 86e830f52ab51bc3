package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs the API benchmark phases and prints each result plus a Markdown table for docs/BENCHMARKS.md. */
public final class Benchmarks {
  private final ApiBench api;
  private final CqlSession session;
  private final String keyspace;
  private final PrintStream out;

  public Benchmarks(String url, String adminToken, Function<String, String> learnerToken, CqlSession session, String keyspace,
      PrintStream out) {
    this.api = new ApiBench(new StrideClient(url), adminToken, learnerToken, out);
    this.session = session;
    this.keyspace = keyspace;
    this.out = out;
  }

  public void runApi(int learners, int leaves, List<Integer> contentsPerRequest, int concurrency, Duration warmup, Duration measure,
      int listCourses) throws IOException, InterruptedException {
    out.printf("stride bench api: %s, %d cores, %d MiB max heap of this JVM; concurrency %d, warm-up %ds, measured %ds%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, concurrency,
        warmup.toSeconds(), measure.toSeconds());
    List<LoadResult> results = new ArrayList<>();
    ApiBench.Setup setup = api.setUp(leaves, learners);
    for (int k : contentsPerRequest) {
      LoadResult r = api.updates(setup, k, concurrency, warmup, measure);
      out.println(r.line());
      results.add(r);
    }
    if (listCourses > 0) {
      LoadResult list = api.coursesList(listCourses, Math.min(concurrency, 16), warmup, measure);
      out.println(list.line());
      results.add(list);
    }
    // last: its million rows and their compaction must not overlap the API phases
    LoadResult raw = CassandraBaseline.run(session, keyspace, concurrency, warmup, measure);
    out.println(raw.line());
    results.add(0, raw);
    out.println();
    out.println("| phase | requests/s | units/s | units/s ÷ raw writes/s | p50 ms | p99 ms | errors |");
    out.println("|---|---|---|---|---|---|---|");
    for (LoadResult r : results) {
      out.printf("| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %d |%n", r.name(), r.requestsPerSecond(), r.unitsPerSecond(),
          r.unitsPerSecond() / raw.unitsPerSecond(), r.p(50), r.p(99), r.errors());
    }
  }

  /** The group-progress API: uncached and cached group progress, single flight, dashboard and gradebook. */
  public void runGroup(GroupBench bench, Duration warmup, Duration measure, int members, int courses, int uncachedGroups,
      int dashboardLearners, int gradebookLearners, int assessments) throws IOException, InterruptedException {
    out.printf("stride bench group: %s, %d cores; warm-up %ds, measured %ds%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), warmup.toSeconds(), measure.toSeconds());
    List<LoadResult> results = bench.run(members, courses, uncachedGroups, dashboardLearners, gradebookLearners, assessments, warmup, measure);
    out.println();
    out.println("| phase | requests/s | p50 ms | p99 ms | max ms | errors |");
    out.println("|---|---|---|---|---|---|");
    for (LoadResult r : results) {
      out.printf("| %s | %.0f | %.2f | %.2f | %.1f | %d |%n", r.name(), r.requestsPerSecond(), r.p(50), r.p(99),
          r.latencyMicros().getMaxValue() / 1000.0, r.errors());
    }
  }
}
