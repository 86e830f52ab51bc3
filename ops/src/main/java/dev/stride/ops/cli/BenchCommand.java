package dev.stride.ops.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.ops.bench.Benchmarks;
import dev.stride.ops.bench.GroupBench;
import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.Tokens;
import dev.stride.schema.CassandraSessions;
import java.time.Duration;
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

  @Parameters(paramLabel = "TARGET", description = "api (content-state-api) or group (group-progress-api)") String target;

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

  @Option(names = "--learners", defaultValue = "2000") int learners;

  @Option(names = "--leaves", defaultValue = "50", description = "Contents in the bench course.") int leaves;

  @Option(names = "--contents", split = ",", defaultValue = "1,10", description = "Contents per update request (default ${DEFAULT-VALUE}).")
  List<Integer> contents;

  @Option(names = "--concurrency", defaultValue = "64") int concurrency;

  @Option(names = "--warmup", defaultValue = "PT10S") Duration warmup;

  @Option(names = "--duration", defaultValue = "PT30S") Duration duration;

  @Option(names = "--list-courses", defaultValue = "50", description = "Enrolments of the courses/list learner (0 skips it).")
  int listCourses;

  @Override
  public Integer call() throws Exception {
    if (!"api".equals(target) && !"group".equals(target)) {
      System.err.println("unknown bench target '" + target + "': use api or group");
      return 2;
    }
    StackConfig config = options.config();
    String secret = Secrets.jwtSecret(config);
    Duration ttl = Duration.ofHours(2);
    String admin = Tokens.mint(secret, tenant, "bench-admin", List.of("ORG_ADMIN"), "Bench Admin", ttl);
    try (CqlSession session = CassandraSessions.open(config.cassandraContactPoint(), "datacenter1", null)) {
      if ("group".equals(target)) {
        String ops = Tokens.mint(secret, tenant, "bench-ops", List.of("OPS"), null, ttl);
        GroupBench bench = new GroupBench(session, config.keyspace(), tenant, new StrideClient(url), new StrideClient(groupUrl), admin, ops,
            System.out);
        new Benchmarks(url, admin, null, session, config.keyspace(), System.out).runGroup(bench, warmup, duration, members, courses,
            uncachedGroups, dashboardLearners, gradebookLearners, assessments);
        return 0;
      }
      new Benchmarks(url, admin, user -> Tokens.mint(secret, tenant, user, List.of("LEARNER"), null, ttl), session,
          config.keyspace(), System.out).runApi(learners, leaves, contents, concurrency, warmup, duration, listCourses);
    }
    return 0;
  }
}
