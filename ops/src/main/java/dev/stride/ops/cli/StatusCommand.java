package dev.stride.ops.cli;

import dev.stride.ops.stack.Stack;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Prints each service, its PID, port, health and uptime.")
final class StatusCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Override
  public Integer call() {
    var rows = new Stack(options.config(), Stack.everything(), System.out).status();
    System.out.printf("%-18s %-8s %-6s %-9s %s%n", "SERVICE", "PID", "PORT", "HEALTH", "UPTIME");
    for (var r : rows) {
      System.out.printf("%-18s %-8s %-6s %-9s %s%n", r.name(), r.pid() == null ? "-" : r.pid(), r.port() == null ? "-" : r.port(),
          !r.running() ? "stopped" : r.healthy() ? "healthy" : "UNHEALTHY", r.uptime() == null ? "-" : human(r.uptime()));
    }
    return rows.stream().allMatch(r -> r.healthy() || !r.running()) ? 0 : 1;
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
  }
}
