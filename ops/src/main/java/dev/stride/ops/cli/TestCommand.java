package dev.stride.ops.cli;

import dev.stride.ops.stack.DebianPackages;
import dev.stride.ops.stack.DruidServer;
import dev.stride.ops.stack.Stack;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import dev.stride.ops.stack.TestReports;
import dev.stride.ops.stack.Tools;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The README's test command: brings up what the tests need (reusing a running stack), runs
 * mvn -B verify against it, and stops only what it started.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Starts the stack if needed, runs mvn -B verify against it, stops what it started. Arguments after -- go to Maven.")
final class TestCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Parameters(arity = "0..*", paramLabel = "MAVEN_ARG", description = "Passed to Maven after --, e.g. stride test -- -pl cassandra-schema -Dit.test=MigrationRunnerIT.")
  List<String> mavenArgs = List.of();

  @Override
  public Integer call() throws IOException, InterruptedException {
    StackConfig config = options.config();
    Stack stack = new Stack(config, Stack.coreServers(), System.out);
    System.out.println("stride test: bringing up the stack the tests need");
    Set<String> coreStarted = Set.of();
    try {
      // the dashboard page's test drives a real headless Chromium; without it that one test skips, loudly
      DebianPackages.ensure("chromium", List.of("chromium", "chromium-driver"), config.logFile("apt-get"));
    } catch (IOException e) {
      System.err.println("stride test: WARNING: could not install chromium (" + e.getMessage()
          + "); DashboardPageIT will be skipped");
    }
    Stack druid = new Stack(config, DruidServer.all(), System.out);
    Set<String> druidStarted = Set.of();
    try {
      coreStarted = stack.up();
      SchemaStep.apply(config, System.out);
      // the Druid ITs need it: started once per run, after the ZooKeeper and Kafka it uses
      druidStarted = druid.up();
      DruidCommand.applyAll(config, System.out);
    } catch (StackException e) {
      System.err.println("stride test: the stack did not come up: " + e.getMessage());
      stopStarted(stack, coreStarted);
      return 1;
    }
    Set<String> started = coreStarted;
    Set<String> druidToStop = druidStarted;
    Thread stopper = new Thread(() -> {
      stopStarted(druid, druidToStop);
      stopStarted(stack, started);
    });
    Runtime.getRuntime().addShutdownHook(stopper);
    Instant t0 = Instant.now();
    int exit;
    try {
      List<String> cmd = new ArrayList<>(List.of(Tools.onPath("mvn").map(Object::toString).orElse("mvn"), "-B", "verify"));
      cmd.addAll(mavenArgs);
      System.out.println("stride test: " + String.join(" ", cmd));
      ProcessBuilder mvn = new ProcessBuilder(cmd).directory(config.root().toFile()).inheritIO();
      Map<String, String> env = mvn.environment();
      env.put("STRIDE_CASSANDRA", config.cassandraContactPoint());
      env.put("STRIDE_KAFKA", config.kafkaBootstrap());
      env.put("STRIDE_ZOOKEEPER", config.zookeeperConnect());
      env.put("STRIDE_REDIS", config.redisUri());
      env.put("STRIDE_HOME", config.home().toString());
      env.put("STRIDE_DRUID_COORDINATOR", config.druidCoordinatorUrl());
      env.put("STRIDE_DRUID_BROKER", config.druidBrokerUrl());
      exit = mvn.start().waitFor();
    } finally {
      TestReports.Totals totals = TestReports.since(config.root(), t0);
      System.out.println();
      System.out.println("Tests: " + totals.passed() + " passed, " + totals.failed() + " failed, " + totals.skipped() + " skipped");
      Runtime.getRuntime().removeShutdownHook(stopper);
      stopStarted(druid, druidToStop);
      stopStarted(stack, started);
    }
    return exit;
  }

  private static void stopStarted(Stack stack, Set<String> started) {
    if (!started.isEmpty()) {
      System.out.println("stride test: stopping what it started: " + String.join(", ", started));
      stack.down(started);
    }
  }
}
