package dev.stride.ops.cli;

import dev.stride.ops.stack.StackException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Applies pending CQL migrations to the running Cassandra.")
final class MigrateCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Override
  public Integer call() {
    try {
      SchemaStep.apply(options.config(), System.out);
      return 0;
    } catch (StackException e) {
      System.err.println("stride migrate failed: " + e.getMessage());
      return 1;
    }
  }
}
