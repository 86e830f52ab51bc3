package dev.stride.ops.cli;

import dev.stride.ops.stack.AppBuild;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs samza-jobs' reconciler (its own classpath: Samza's Kafka 2.4 client never meets the CLI's Kafka 4). */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Recomputes a course's progress aggregates from user_content_consumption, assessment_attempts and "
        + "course_structure, and repairs drifted rows of user_enrolments, enrolments_by_batch and user_activity_agg.")
final class ReconcileCommand implements Callable<Integer> {

  static final String MODULE = "samza-jobs";
  static final String MAIN = "dev.stride.samza.reconcile.ReconcileMain";

  @Mixin StackOptions options;

  @Option(names = "--tenant", required = true, description = "Tenant of the course.")
  String tenant;

  @Option(names = "--course", required = true, description = "Course id.")
  String course;

  @Option(names = "--batch", description = "Only this batch (default: every batch of the course).")
  String batch;

  @Option(names = "--dry-run", description = "Report drifted enrolments without writing.")
  boolean dryRun;

  @Override
  public Integer call() {
    StackConfig config = options.config();
    try {
      AppBuild.ensureBuilt(config, List.of(MODULE), System.out);
      Path module = config.root().resolve(MODULE);
      String classpath = module.resolve("target/classes") + ":"
          + Files.readString(module.resolve("target/classpath.txt")).trim();
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classpath, MAIN, "--tenant", tenant, "--course", course));
      if (batch != null) {
        cmd.addAll(List.of("--batch", batch));
      }
      if (dryRun) {
        cmd.add("--dry-run");
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
      pb.environment().put("STRIDE_CASSANDRA", config.cassandraContactPoint());
      pb.environment().put("STRIDE_KEYSPACE", config.keyspace());
      return pb.start().waitFor();
    } catch (StackException | IOException e) {
      System.err.println("stride reconcile failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
