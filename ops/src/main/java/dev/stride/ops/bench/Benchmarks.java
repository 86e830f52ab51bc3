package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the API benchmark phases and prints each result plus a Markdown table for docs/BENCHMARKS.md. */
public final class Benchmarks {
  private final ApiBench api;
  private final CqlSession session;
  private final String keyspace;
  private final PrintStream out;

  public Benchmarks(String url, String adminToken, Function<String, String> learnerToken, CqlSession session, String keyspace,
      PrintStream out) {
    this(url, new StrideClient(url), adminToken, learnerToken, session, keyspace, out);
  }

  /** {@code load} sends the measured API phases' requests (the setup uses a StrideClient). */
  public Benchmarks(String url, LoadClient load, String adminToken, Function<String, String> learnerToken, CqlSession session,
      String keyspace, PrintStream out) {
    this.api = new ApiBench(new StrideClient(url), load, adminToken, learnerToken, out);
    this.session = session;
    this.keyspace = keyspace;
    this.out = out;
  }

  /** {@code processes}: the stack's processes whose CPU time per request each phase reports (name → process). */
  public void runApi(int learners, int leaves, List<Integer> contentsPerRequest, List<Integer> concurrency, Duration warmup,
      Duration measure, int listCourses, List<Integer> listConcurrency, boolean raw, Map<String, ProcessHandle> processes)
      throws IOException, InterruptedException {
    runApi(learners, leaves, contentsPerRequest, concurrency, List.of(), warmup, measure, listCourses, listConcurrency, raw, processes);
  }

  /** As above, then an open-loop phase per rate (requests/s) and contents level after the closed-loop ones. */
  public void runApi(int learners, int leaves, List<Integer> contentsPerRequest, List<Integer> concurrency, List<Double> rates,
      Duration warmup, Duration measure, int listCourses, List<Integer> listConcurrency, boolean raw,
      Map<String, ProcessHandle> processes) throws IOException, InterruptedException {
    CpuMeter cpu = new CpuMeter(processes);
    out.printf("stride bench api: %s, %d cores, %d MiB max heap of this JVM; concurrency %s, open-loop rates %s, warm-up %ds,"
        + " measured %ds, load %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, concurrency, rates, warmup.toSeconds(), measure.toSeconds(), loadAverage());
    List<Row> rows = new ArrayList<>();
    ApiBench.Setup setup = api.setUp(leaves, learners);
    for (int c : concurrency) {
      for (int k : contentsPerRequest) {
        rows.add(measured(Integer.toString(c), cpu, () -> api.updates(setup, k, c, warmup, measure, cpu)));
      }
    }
    for (double rate : rates) {
      for (int k : contentsPerRequest) {
        rows.add(measured(String.format("open %.0f/s", rate), cpu, () -> api.openUpdates(setup, k, rate, warmup, measure, cpu)));
      }
    }
    if (listCourses > 0) {
      ApiBench.ListSetup list = api.coursesListSetUp(listCourses);
      for (int c : listConcurrency) {
        rows.add(measured(Integer.toString(c), cpu, () -> api.coursesList(list, c, warmup, measure, cpu)));
      }
    }
    LoadResult baseline = null;
    if (raw) {
      // last: its million rows and their compaction must not overlap the API phases
      int c = concurrency.isEmpty() ? 64 : Collections.max(concurrency);
      Row rawRow = measured(Integer.toString(c), null, () -> CassandraBaseline.run(session, keyspace, c, warmup, measure));
      baseline = rawRow.result();
      rows.add(0, rawRow);
    }
    out.println();
    out.println("| phase | clients | requests/s | units/s | units/s ÷ raw writes/s | p50 ms | p99 ms | max ms | errors | CPU per request | load average |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (Row row : rows) {
      LoadResult r = row.result();
      out.printf("| %s | %s | %.0f | %.0f | %s | %.2f | %.2f | %.1f | %d | %s | %s |%n", r.name(), row.clients(), r.requestsPerSecond(),
          r.unitsPerSecond(), baseline == null ? "—" : String.format("%.2f", r.unitsPerSecond() / baseline.unitsPerSecond()),
          r.p(50), r.p(99), r.latencyMicros().getMaxValue() / 1000.0, r.errors(), row.cpuPerRequest(), row.load());
    }
  }

  /** One phase's table row: its result, clients (or open-loop rate), the stack's CPU per request and the load average before → after. */
  private record Row(LoadResult result, String clients, String cpuPerRequest, String load) {}

  private interface Phase {
    LoadResult run() throws IOException, InterruptedException;
  }

  /** Runs a phase and prints its line; {@code cpu} null: no per-process CPU (the raw baseline is not a request). */
  private Row measured(String clients, CpuMeter cpu, Phase phase) throws IOException, InterruptedException {
    String before = loadAverage();
    LoadResult r = phase.run();
    String after = loadAverage();
    out.println(r.line() + "  load " + before + " -> " + after);
    String perRequest = cpu == null ? "—" : cpu.perRequest(r.requests());
    if (cpu != null) {
      out.println("    CPU per request: " + perRequest);
    }
    return new Row(r, clients, perRequest, before + " → " + after);
  }

  /** The 1-minute load average of this machine (the load generator shares it). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
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
