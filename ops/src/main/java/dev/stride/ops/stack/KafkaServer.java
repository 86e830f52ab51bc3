package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Kafka 4.3.1 in KRaft mode, one node acting as broker and controller. */
public final class KafkaServer implements Server {

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<Integer> ports(StackConfig c) {
    return List.of(c.kafkaPort(), c.kafkaControllerPort());
  }

  @Override
  public void prepare(StackConfig c) throws IOException {
    Path dir = c.dir(name());
    Path data = dir.resolve("data").toAbsolutePath();
    Files.createDirectories(data);
    Path props = dir.resolve("server.properties");
    Files.writeString(props, """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@%1$s:%3$d
        listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
        advertised.listeners=PLAINTEXT://%1$s:%2$d
        controller.listener.names=CONTROLLER
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        inter.broker.listener.name=PLAINTEXT
        log.dirs=%4$s
        num.partitions=4
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=8
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        transaction.state.log.num.partitions=4
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        default.replication.factor=1
        min.insync.replicas=1
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=true
        log.retention.hours=168
        """.formatted(c.host(), c.kafkaPort(), c.kafkaControllerPort(), data));
    Files.writeString(dir.resolve("log4j2.properties"), """
        status = warn
        appender.out.type = Console
        appender.out.name = STDOUT
        appender.out.layout.type = PatternLayout
        appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1} - %m%n
        rootLogger.level = info
        rootLogger.appenderRef.out.ref = STDOUT
        logger.kafka.name = kafka
        logger.kafka.level = info
        logger.kafka.request.name = kafka.request.logger
        logger.kafka.request.level = warn
        """);
    if (!Files.exists(data.resolve("meta.properties"))) {
      format(c, props);
    }
  }

  /** KRaft needs its log directory formatted with a cluster id once. */
  private void format(StackConfig c, Path props) throws IOException {
    String cp = JavaServers.classpath(c, name());
    String clusterId = Uuids.kafkaClusterId();
    Path log = c.logFile(name() + "-format");
    Files.createDirectories(log.getParent());
    Process p = new ProcessBuilder(JavaServers.javaCommand(List.of("-Xmx256m",
            "-Dlog4j2.configurationFile=" + c.dir(name()).resolve("log4j2.properties").toAbsolutePath()),
            cp, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props.toAbsolutePath().toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("formatting Kafka storage failed:\n" + String.join("\n", LogTail.last(log, 30)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while formatting Kafka storage");
    }
  }

  @Override
  public List<String> command(StackConfig c) throws IOException {
    Path dir = c.dir(name()).toAbsolutePath();
    return JavaServers.javaCommand(List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC",
            "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
            "-Dkafka.logs.dir=" + dir.resolve("logs")),
        JavaServers.classpath(c, name()), "kafka.Kafka", dir.resolve("server.properties").toString());
  }

  @Override
  public boolean healthy(StackConfig c) {
    if (!Probes.portOpen(c.host(), c.kafkaPort())) {
      return false;
    }
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, c.kafkaBootstrap(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }
}
