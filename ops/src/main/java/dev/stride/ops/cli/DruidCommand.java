package dev.stride.ops.cli;

import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.SupervisorTarget;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "druid", mixinStandardHelpOptions = true, description = "Druid administration.",
    subcommands = DruidCommand.Apply.class)
final class DruidCommand implements Callable<Integer> {

  /** Partitions of the Druid feed topics (as the feed job creates them when missing). */
  static final int TOPIC_PARTITIONS = 3;

  @Override
  public Integer call() {
    System.err.println("stride druid: say what to do, e.g. stride druid apply");
    return 2;
  }

  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Creates the feed topics and submits the Kafka supervisor specs, retention rules (load P7Y, drop older) and "
          + "auto-compaction of every Stride datasource. Idempotent: re-applying updates them in place (one supervisor per datasource).")
  static final class Apply implements Callable<Integer> {

    @Mixin StackOptions options;

    @Override
    public Integer call() {
      try {
        applyAll(options.config(), System.out);
        return 0;
      } catch (StackException e) {
        System.err.println("stride druid apply failed: " + e.getMessage());
        return 1;
      }
    }
  }

  /** What `stride up --with druid` runs once Druid is healthy. */
  static void applyAll(StackConfig config, PrintStream out) throws StackException {
    createTopics(config);
    DruidAdmin admin = new DruidAdmin(config.druidCoordinatorUrl());
    try {
      admin.limitCompactionSlots();
      for (DruidDatasource kind : DruidDatasource.values()) {
        admin.apply(SupervisorTarget.standard(kind, config.kafkaBootstrap()));
        out.printf("  druid      %s: supervisor on %s, retention P7Y, auto-compaction%n", kind.datasource(), kind.topic());
      }
    } catch (DruidAdmin.DruidAdminException e) {
      throw new StackException(e.getMessage());
    }
  }

  private static void createTopics(StackConfig config) throws StackException {
    try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
      for (DruidDatasource kind : DruidDatasource.values()) {
        try {
          kafka.createTopics(List.of(new NewTopic(kind.topic(), TOPIC_PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new StackException("cannot create topic " + kind.topic() + ": " + e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while creating the Druid feed topics");
    } catch (TimeoutException e) {
      throw new StackException("Kafka at " + config.kafkaBootstrap() + " did not answer: " + e);
    }
  }
}
