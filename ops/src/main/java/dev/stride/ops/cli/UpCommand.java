package dev.stride.ops.cli;

import dev.stride.ops.stack.AppBuild;
import dev.stride.ops.stack.DruidServer;
import dev.stride.ops.stack.AppServers;
import dev.stride.ops.stack.SamzaAggregatorServer;
import dev.stride.ops.stack.Stack;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Starts Cassandra, Kafka (KRaft), ZooKeeper and Redis on loopback, waits for real health, applies the schema, "
        + "then builds (when needed) and starts the Stride applications.")
final class UpCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Option(names = "--servers-only", description = "Start only the servers and the schema, no Stride applications.")
  boolean serversOnly;

  @Option(names = "--samza-processes", defaultValue = "1", paramLabel = "N",
      description = "Progress aggregator processes sharing one Samza app id through ZooKeeper: aggregator, aggregator-2, ... "
          + "(default ${DEFAULT-VALUE}, at most 8). Processes already running stay.")
  int samzaProcesses;

  @Option(names = "--with", split = ",", paramLabel = "EXTRA",
      description = "Optional parts to start too: druid (the Druid micro cluster, its specs and the Druid feed job).")
  List<String> with = List.of();

  @Override
  public Integer call() {
    Instant t0 = Instant.now();
    StackConfig config = options.config();
    for (String extra : with) {
      if (!"druid".equals(extra)) {
        System.err.println("stride up: unknown --with value '" + extra + "': the only optional part is druid");
        return 2;
      }
    }
    if (samzaProcesses < 1 || samzaProcesses > SamzaAggregatorServer.MAX_PROCESSES) {
      System.err.println("stride up: --samza-processes must be 1.." + SamzaAggregatorServer.MAX_PROCESSES + ", was " + samzaProcesses);
      return 2;
    }
    boolean druid = with.contains("druid");
    System.out.println("stride up: stack home " + config.home());
    try {
      upServers(config, System.out);
      if (druid) {
        upDruid(config, System.out);
      }
      if (!serversOnly) {
        upApplications(config, System.out, samzaProcesses);
        if (druid) {
          upDruidApplications(config, System.out);
        }
      }
    } catch (StackException e) {
      System.err.println("stride up failed: " + e.getMessage());
      return 1;
    }
    System.out.printf("all healthy in %.1f s%n", Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    Endpoints.print(config, System.out);
    return 0;
  }

  static void upServers(StackConfig config, PrintStream out) throws StackException {
    new Stack(config, Stack.coreServers(), out).up();
    SchemaStep.apply(config, out);
  }

  /** The Druid micro cluster (after ZooKeeper and Kafka, which it uses), then its specs, rules and compaction. */
  static void upDruid(StackConfig config, PrintStream out) throws StackException {
    new Stack(config, DruidServer.all(), out).up();
    DruidCommand.applyAll(config, out);
  }

  static void upDruidApplications(StackConfig config, PrintStream out) throws StackException {
    AppBuild.ensureBuilt(config, AppServers.withDruidModules(), out);
    new Stack(config, List.copyOf(AppServers.withDruid()), out).up();
  }

  static void upApplications(StackConfig config, PrintStream out) throws StackException {
    upApplications(config, out, 1);
  }

  /** The applications, with `samzaProcesses` aggregator processes (the extra ones after process 1 is up). */
  static void upApplications(StackConfig config, PrintStream out, int samzaProcesses) throws StackException {
    if (AppServers.all().isEmpty()) {
      return;
    }
    AppBuild.ensureBuilt(config, AppServers.modules(), out);
    new Stack(config, List.copyOf(AppServers.all()), out).up();
    if (samzaProcesses > 1) {
      new Stack(config, List.copyOf(SamzaAggregatorServer.extra(samzaProcesses)), out).up();
    }
  }
}
