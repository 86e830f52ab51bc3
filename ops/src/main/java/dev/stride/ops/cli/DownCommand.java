package dev.stride.ops.cli;

import dev.stride.ops.stack.SamzaAggregatorServer;
import dev.stride.ops.stack.Server;
import dev.stride.ops.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stops what stride started, by PID: SIGTERM, then SIGKILL after 30 s. Safe to repeat.")
final class DownCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Parameters(arity = "0..*", paramLabel = "SERVICE", description = "Only these services (default: all).")
  List<String> only = List.of();

  @Override
  public Integer call() {
    System.out.println("stride down:");
    List<Server> servers = new ArrayList<>(Stack.everything());
    servers.addAll(SamzaAggregatorServer.started(options.config())); // aggregator-2.. of `stride up --samza-processes`
    new Stack(options.config(), servers, System.out).down(only);
    return 0;
  }
}
