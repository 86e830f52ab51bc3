package dev.stride.ops.cli;

import dev.stride.ops.stack.SamzaAggregatorServer;
import dev.stride.ops.stack.SamzaLag;
import dev.stride.ops.stack.Server;
import dev.stride.ops.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Prints each service, its PID, port, health and uptime.")
final class StatusCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Override
  public Integer call() {
    List<Server> servers = new ArrayList<>(Stack.everything());
    servers.addAll(SamzaAggregatorServer.started(options.config())); // aggregator-2.. of `stride up --samza-processes`
    var rows = new Stack(options.config(), servers, System.out).status();
    System.out.printf("%-18s %-8s %-6s %-9s %s%n", "SERVICE", "PID", "PORT", "HEALTH", "UPTIME");
    for (var r : rows) {
      System.out.printf("%-18s %-8s %-6s %-9s %s%n", r.name(), r.pid() == null ? "-" : r.pid(), r.port() == null ? "-" : r.port(),
          !r.running() ? "stopped" : r.healthy() ? "healthy" : "UNHEALTHY", r.uptime() == null ? "-" : human(r.uptime()));
    }
    printLag(rows.stream().anyMatch(r -> r.name().equals("kafka") && r.running()));
    return rows.stream().allMatch(r -> r.healthy() || !r.running()) ? 0 : 1;
  }

  /** Each Samza job's consumer lag from its Kafka checkpoints (see SamzaLag for what it counts). */
  private void printLag(boolean kafkaUp) {
    if (!kafkaUp) {
      return;
    }
    try {
      for (SamzaLag.Lag lag : SamzaLag.all(options.config())) {
        System.out.printf("%-18s consumer lag %s%n", lag.job().service(), lag.total().map(t -> t + " messages "
            + new TreeMap<>(lag.byTopic())).orElse(lag.note()));
      }
    } catch (IllegalStateException e) {
      System.out.println("consumer lag unknown: " + e.getMessage());
    }
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
  }
}
