package dev.stride.ops.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.ops.bench.Benchmarks;
import dev.stride.ops.bench.DruidFreshnessBench;
import dev.stride.ops.bench.LagBench;
import dev.stride.ops.bench.GroupBench;
import dev.stride.ops.bench.ReportBench;
import dev.stride.ops.stack.AppBuild;
import dev.stride.ops.bench.NettyLoadClient;
import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.Tokens;
import dev.stride.schema.CassandraSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Load generator: `bench api` drives the content-state API over HTTP and measures raw Cassandra writes in the same run.")
final class BenchCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Parameters(paramLabel = "TARGET", description = "api (content-state-api), group (group-progress-api), report (report-generator), druid-freshness (API 200 to visible in Druid SQL), druid-query (cohort GROUP BY over 1M Druid rows) or lag (API 200 to the aggregate in Cassandra)") String target;

  @Option(names = "--group-url", defaultValue = "http://127.0.0.1:9001", description = "group-progress-api base URL (default ${DEFAULT-VALUE}).")
  String groupUrl;

  @Option(names = "--members", defaultValue = "500") int members;

  @Option(names = "--courses", defaultValue = "5") int courses;

  @Option(names = "--uncached-groups", defaultValue = "40", description = "Fresh groups read once each for the uncached figure.")
  int uncachedGroups;

  @Option(names = "--dashboard-learners", defaultValue = "10000") int dashboardLearners;

  @Option(names = "--gradebook-learners", defaultValue = "500") int gradebookLearners;

  @Option(names = "--assessments", defaultValue = "20") int assessments;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:9000", description = "content-state-api base URL (default ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--tenant", defaultValue = "bench") String tenant;

  @Option(names = "--druid-rows", defaultValue = "1000000", description = "druid-query: rows of the bench cohort (loaded once).")
  int druidRows;

  @Option(names = "--druid-runs", defaultValue = "200", description = "druid-query: measured queries (after min(20, runs/5) warm-up ones).")
  int druidRuns;

  @Option(names = "--learners", description = "api: learners (default 2000); report: the big batch (default 1000000, after a 10000 one).")
  Integer learners;

  @Option(names = "--heap", defaultValue = "256m", description = "report: the generator JVM's -Xmx (default ${DEFAULT-VALUE}).")
  String heap;

  @Option(names = "--regenerate", description = "report: write the bench batches again even if a previous run left them.")
  boolean regenerate;

  @Option(names = "--leaves", defaultValue = "50", description = "Contents in the bench course.") int leaves;

  @Option(names = "--contents", split = ",", defaultValue = "1,10", description = "Contents per update request (default ${DEFAULT-VALUE}).")
  List<Integer> contents;

  @Option(names = "--concurrency", split = ",",
      description = "Closed-loop clients; api: a list runs every update phase at each level (e.g. 8,32,64; default 64, none"
          + " when --rate is given); lag: the first (default 64).")
  List<Integer> concurrency;

  @Option(names = "--list-concurrency", split = ",",
      description = "api: clients of the courses/list phase, one phase per level (default: min(largest --concurrency, 16)).")
  List<Integer> listConcurrency;

  @Option(names = "--api-pid", description = "api: the PID whose CPU is reported as content-state-api (default: the stack's,"
      + " from its PID file; e.g. a second build of the API on another --url).")
  Long apiPid;

  @Option(names = "--raw", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "api: measure the raw Cassandra write baseline last (default ${DEFAULT-VALUE}; --no-raw skips it).")
  boolean raw;

  @Option(names = "--client", defaultValue = "netty", description = "api: the measured requests' HTTP client, netty (one I/O"
      + " thread, cheap) or jdk (java.net.http, 0.5-1.9 ms of CPU per request on the cores it measures); default ${DEFAULT-VALUE}.")
  LoadClientKind client;

  enum LoadClientKind { netty, jdk }

  @Option(names = "--warmup", defaultValue = "PT10S") Duration warmup;

  @Option(names = "--duration", defaultValue = "PT30S") Duration duration;

  @Option(names = "--list-courses", defaultValue = "50", description = "Enrolments of the courses/list learner (0 skips it).")
  int listCourses;

  @Option(names = "--samples", defaultValue = "50", description = "druid-freshness: updates measured one after another.")
  int samples;

  @Option(names = "--rate", split = ",", description = "Open-loop requests/s, latency from each request's scheduled send time;"
      + " api: one phase per rate and --contents level after the closed-loop ones (e.g. 300,500); lag: the first"
      + " (default: --share of the API's measured maximum).")
  List<Double> rate;

  @Option(names = "--share", defaultValue = "0.5", description = "lag: share of the API's maximum to run at (default ${DEFAULT-VALUE}).")
  double share;

  @Option(names = "--samples-per-second", defaultValue = "20", description = "lag: updates whose aggregate is watched in Cassandra, per second.")
  double samplesPerSecond;

  @Override
  public Integer call() throws Exception {
    if ("druid-freshness".equals(target)) {
      return benchDruidFreshness(options.config());
    }
    if ("druid-query".equals(target)) { // cohort GROUP BY over --rows (default 1,000,000) learner_progress rows, --runs times
      StackConfig c = options.config();
      System.out.printf("stride bench druid-query: %s, %d cores, load %s%n", java.time.Instant.now(), Runtime.getRuntime().availableProcessors(),
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
      new dev.stride.ops.bench.DruidQueryBench(c.kafkaBootstrap(), c.druidCoordinatorUrl(), c.druidBrokerUrl(), System.out)
          .run(druidRows, Math.min(20, Math.max(1, druidRuns / 5)), druidRuns);
      return 0;
    }
    if ("lag".equals(target)) {
      return benchLag(options.config());
    }
    if (!"api".equals(target) && !"group".equals(target) && !"report".equals(target)) {
      System.err.println("unknown bench target '" + target + "': use api, group, report, druid-freshness, druid-query or lag");
      return 2;
    }
    StackConfig config = options.config();
    String secret = Secrets.jwtSecret(config);
    Duration ttl = Duration.ofHours(2);
    String admin = Tokens.mint(secret, tenant, "bench-admin", List.of("ORG_ADMIN"), "Bench Admin", ttl);
    try (CqlSession session = CassandraSessions.open(config.cassandraContactPoint(), "datacenter1", null)) {
      if ("report".equals(target)) {
        return benchReport(session, config);
      }
      if ("group".equals(target)) {
        String ops = Tokens.mint(secret, tenant, "bench-ops", List.of("OPS"), null, ttl);
        GroupBench bench = new GroupBench(session, config.keyspace(), tenant, new StrideClient(url), new StrideClient(groupUrl), admin, ops,
            System.out);
        new Benchmarks(url, admin, null, session, config.keyspace(), System.out).runGroup(bench, warmup, duration, members, courses,
            uncachedGroups, dashboardLearners, gradebookLearners, assessments);
        return 0;
      }
      List<Double> rates = rate == null ? List.of() : rate;
      List<Integer> clients = concurrency != null ? concurrency : rates.isEmpty() ? List.of(64) : List.of();
      java.util.Map<String, ProcessHandle> processes =
          withApiPid(stackProcesses(config, List.of("content-state-api", "cassandra", "kafka", "aggregator", "druid-feed")));
      processes.put("load-generator", ProcessHandle.current()); // it shares the cores: its cost per request is shown too
      try (NettyLoadClient netty = new NettyLoadClient(url, 512)) {
        new Benchmarks(url, client == LoadClientKind.netty ? netty : new StrideClient(url), admin,
            user -> Tokens.mint(secret, tenant, user, List.of("LEARNER"), null, ttl), session, config.keyspace(), System.out)
            .runApi(learners == null ? 2000 : learners, leaves, contents, clients, rates, warmup, duration, listCourses,
                listConcurrency != null ? listConcurrency
                    : List.of(Math.min(clients.isEmpty() ? 16 : java.util.Collections.max(clients), 16)), raw, processes);
      }
    }
    return 0;
  }

  private java.util.Map<String, ProcessHandle> withApiPid(java.util.Map<String, ProcessHandle> processes) {
    if (apiPid != null) {
      ProcessHandle.of(apiPid).ifPresentOrElse(h -> processes.put("content-state-api", h), () -> processes.remove("content-state-api"));
    }
    return processes;
  }

  /** The running stack processes among {@code services} (by their PID files), for CPU time per request. */
  private static java.util.Map<String, ProcessHandle> stackProcesses(StackConfig config, List<String> services) {
    java.util.Map<String, ProcessHandle> found = new java.util.LinkedHashMap<>();
    for (String s : services) {
      dev.stride.ops.stack.ManagedProcess.read(config.pidFile(s), s).flatMap(dev.stride.ops.stack.ManagedProcess::handle)
          .ifPresent(h -> found.put(s, h));
    }
    return found;
  }

  /** API 200 to the aggregate in Cassandra, open loop at a share of the API's maximum (the running aggregator processes). */
  private int benchLag(StackConfig config) throws Exception {
    String secret = Secrets.jwtSecret(config);
    Duration ttl = Duration.ofHours(2);
    String admin = Tokens.mint(secret, tenant, "bench-admin", List.of("ORG_ADMIN"), "Bench Admin", ttl);
    try (CqlSession session = CassandraSessions.open(config.cassandraContactPoint(), "datacenter1", null)) {
      LagBench.runAll(new StrideClient(url), admin, user -> Tokens.mint(secret, tenant, user, List.of("LEARNER"), null, ttl),
          session, config.keyspace(), tenant, System.out, learners == null ? 2000 : learners, leaves,
          rate == null || rate.isEmpty() ? 0 : rate.get(0), share, concurrency == null ? 64 : concurrency.get(0), warmup, duration,
          samplesPerSecond);
    }
    return 0;
  }

  /** API 200 to visible in Druid SQL, one update at a time (needs stride up --with druid: Druid and the feed). */
  private int benchDruidFreshness(StackConfig config) throws Exception {
    String secret = Secrets.jwtSecret(config);
    Duration ttl = Duration.ofHours(2);
    System.out.printf("stride bench druid-freshness: %s, %d cores, load %s%n", java.time.Instant.now(),
        Runtime.getRuntime().availableProcessors(), java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    new DruidFreshnessBench(new StrideClient(url), Tokens.mint(secret, tenant, "bench-admin", List.of("ORG_ADMIN"), "Bench Admin", ttl),
        user -> Tokens.mint(secret, tenant, user, List.of("LEARNER"), null, ttl), config.druidBrokerUrl(), tenant, System.out)
        .run(samples);
    return 0;
  }

  /** report-generator one-shot runs as their own JVM over a 10,000-learner batch and a --learners one. */
  private int benchReport(CqlSession session, StackConfig config) throws Exception {
    AppBuild.ensureBuilt(config, List.of("report-generator"), System.out);
    int big = learners == null ? 1_000_000 : learners;
    System.out.printf("stride bench report: %s, %d cores, generator -Xmx%s, load %s%n", java.time.Instant.now(),
        Runtime.getRuntime().availableProcessors(), heap, java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    ReportBench bench = new ReportBench(session, config, tenant, System.out);
    List<ReportBench.Result> results = new ArrayList<>();
    for (int n : big == 10_000 ? List.of(10_000) : List.of(10_000, big)) {
      results.add(bench.run(n, heap, regenerate));
    }
    System.out.println();
    ReportBench.table(results, System.out);
    return 0;
  }
}
