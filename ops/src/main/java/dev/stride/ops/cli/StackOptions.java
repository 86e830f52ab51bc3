package dev.stride.ops.cli;

import dev.stride.ops.stack.DruidPorts;
import dev.stride.ops.stack.StackConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Ports and folders of the local stack: flags, else STRIDE_* environment variables, else the standard ports. */
public class StackOptions {

  @Option(names = "--home", description = "Data, logs and PID files (default: .stride/ in the repository; env STRIDE_HOME).",
      defaultValue = "${env:STRIDE_HOME}")
  Path home;

  @Option(names = "--host", description = "Loopback address the servers bind (default ${DEFAULT-VALUE}).",
      defaultValue = "${env:STRIDE_HOST:-127.0.0.1}")
  String host;

  @Option(names = "--cassandra-port", defaultValue = "${env:STRIDE_CASSANDRA_PORT:-9042}", description = "CQL port (default ${DEFAULT-VALUE}).")
  int cassandraPort;

  @Option(names = "--cassandra-storage-port", defaultValue = "${env:STRIDE_CASSANDRA_STORAGE_PORT:-7000}", description = "Cassandra internode port (default ${DEFAULT-VALUE}).")
  int cassandraStoragePort;

  @Option(names = "--cassandra-heap", defaultValue = "${env:STRIDE_CASSANDRA_HEAP:-2g}", description = "Cassandra heap (default ${DEFAULT-VALUE}).")
  String cassandraHeap;

  @Option(names = "--kafka-port", defaultValue = "${env:STRIDE_KAFKA_PORT:-9092}", description = "Kafka broker port (default ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--kafka-controller-port", defaultValue = "${env:STRIDE_KAFKA_CONTROLLER_PORT:-9093}", description = "KRaft controller port (default ${DEFAULT-VALUE}).")
  int kafkaControllerPort;

  @Option(names = "--zookeeper-port", defaultValue = "${env:STRIDE_ZOOKEEPER_PORT:-2181}", description = "ZooKeeper port (default ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(names = "--redis-port", defaultValue = "${env:STRIDE_REDIS_PORT:-6379}", description = "Redis port (default ${DEFAULT-VALUE}).")
  int redisPort;

  @Option(names = "--content-state-api-port", defaultValue = "${env:STRIDE_CONTENT_STATE_API_PORT:-9000}", description = "content-state-api HTTP port (default ${DEFAULT-VALUE}).")
  int contentStateApiPort;

  @Option(names = "--group-progress-api-port", defaultValue = "${env:STRIDE_GROUP_PROGRESS_API_PORT:-9001}", description = "group-progress-api HTTP port (default ${DEFAULT-VALUE}).")
  int groupProgressApiPort;

  @Option(names = "--druid-coordinator-port", defaultValue = "${env:STRIDE_DRUID_COORDINATOR_PORT:-8081}", description = "Druid coordinator/overlord port (default ${DEFAULT-VALUE}).")
  int druidCoordinatorPort;

  @Option(names = "--druid-broker-port", defaultValue = "${env:STRIDE_DRUID_BROKER_PORT:-8082}", description = "Druid broker port (default ${DEFAULT-VALUE}).")
  int druidBrokerPort;

  @Option(names = "--druid-historical-port", defaultValue = "${env:STRIDE_DRUID_HISTORICAL_PORT:-8083}", description = "Druid historical port (default ${DEFAULT-VALUE}).")
  int druidHistoricalPort;

  @Option(names = "--druid-indexer-port", defaultValue = "${env:STRIDE_DRUID_INDEXER_PORT:-8091}", description = "Druid indexer port (default ${DEFAULT-VALUE}).")
  int druidIndexerPort;

  @Option(names = "--druid-derby-port", defaultValue = "${env:STRIDE_DRUID_DERBY_PORT:-1527}", description = "Druid's Derby metadata port (default ${DEFAULT-VALUE}).")
  int druidDerbyPort;

  @Option(names = "--keyspace", defaultValue = "${env:STRIDE_KEYSPACE:-stride}", description = "Cassandra keyspace (default ${DEFAULT-VALUE}).")
  String keyspace;

  public StackConfig config() {
    Path root = Path.of(System.getProperty("stride.root", ".")).toAbsolutePath().normalize();
    Path dir = home != null ? home.toAbsolutePath().normalize() : root.resolve(".stride");
    return new StackConfig(root, dir, host, cassandraPort, cassandraStoragePort, kafkaPort, kafkaControllerPort,
        zookeeperPort, redisPort, keyspace, cassandraHeap, contentStateApiPort, groupProgressApiPort,
        new DruidPorts(druidCoordinatorPort, druidBrokerPort, druidHistoricalPort, druidIndexerPort, druidDerbyPort));
  }
}
