package dev.stride.ops.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.ops.bench.Benchmarks;
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

  @Parameters(paramLabel = "TARGET", description = "api") String target;

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
    if (!"api".equals(target)) {
      System.err.println("unknown bench target '" + target + "': use api");
      return 2;
    }
    StackConfig config = options.config();
    String secret = Secrets.jwtSecret(config);
    Duration ttl = Duration.ofHours(2);
    String admin = Tokens.mint(secret, tenant, "bench-admin", List.of("ORG_ADMIN"), "Bench Admin", ttl);
    try (CqlSession session = CassandraSessions.open(config.cassandraContactPoint(), "datacenter1", null)) {
      new Benchmarks(url, admin, user -> Tokens.mint(secret, tenant, user, List.of("LEARNER"), null, ttl), session,
          config.keyspace(), System.out).runApi(learners, leaves, contents, concurrency, warmup, duration, listCourses);
    }
    return 0;
  }
}
