package dev.stride.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The stride command: runs the local stack of real servers, the tests and the demo. */
@Command(name = "stride", mixinStandardHelpOptions = true, version = "stride 0.1.0",
    description = "Runs Stride's local stack of real servers (Cassandra, Kafka, ZooKeeper, Redis), its tests and its demo.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, MigrateCommand.class,
        TokenCommand.class, TestCommand.class, DemoCommand.class, TtlCommand.class, BenchCommand.class, ReconcileCommand.class,
        DruidCommand.class})
public final class Stride {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Stride()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }
}
