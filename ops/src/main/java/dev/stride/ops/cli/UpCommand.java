package dev.stride.ops.cli;

import dev.stride.ops.stack.Stack;
import dev.stride.ops.stack.StackException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Starts Cassandra, Kafka (KRaft), ZooKeeper and Redis on loopback, waits for real health, applies the schema.")
final class UpCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Override
  public Integer call() {
    Instant t0 = Instant.now();
    Stack stack = new Stack(options.config(), Stack.coreServers(), System.out);
    System.out.println("stride up: stack home " + stack.config().home());
    try {
      stack.up();
      SchemaStep.apply(stack.config(), System.out);
    } catch (StackException e) {
      System.err.println("stride up failed: " + e.getMessage());
      return 1;
    }
    System.out.printf("all healthy in %.1f s%n", Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    Endpoints.print(stack.config(), System.out);
    return 0;
  }
}
