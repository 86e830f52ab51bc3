package dev.stride.ops.stack;

import java.nio.file.Path;

/** Where the local stack lives and which loopback ports it uses. */
public record StackConfig(
    Path root,
    Path home,
    String host,
    int cassandraPort,
    int cassandraStoragePort,
    int kafkaPort,
    int kafkaControllerPort,
    int zookeeperPort,
    int redisPort,
    String keyspace,
    String cassandraHeap,
    int contentStateApiPort,
    int groupProgressApiPort,
    DruidPorts druid) {

  /** Without Druid ports given: Druid's standard ones. */
  public StackConfig(Path root, Path home, String host, int cassandraPort, int cassandraStoragePort, int kafkaPort,
      int kafkaControllerPort, int zookeeperPort, int redisPort, String keyspace, String cassandraHeap,
      int contentStateApiPort, int groupProgressApiPort) {
    this(root, home, host, cassandraPort, cassandraStoragePort, kafkaPort, kafkaControllerPort, zookeeperPort, redisPort,
        keyspace, cassandraHeap, contentStateApiPort, groupProgressApiPort, DruidPorts.DEFAULTS);
  }

  public Path dir(String service) {
    return home.resolve(service);
  }

  public Path logFile(String service) {
    return home.resolve("logs").resolve(service + ".log");
  }

  public Path pidFile(String service) {
    return home.resolve("run").resolve(service + ".pid");
  }

  public String cassandraContactPoint() {
    return host + ":" + cassandraPort;
  }

  public String kafkaBootstrap() {
    return host + ":" + kafkaPort;
  }

  public String zookeeperConnect() {
    return host + ":" + zookeeperPort;
  }

  public String contentStateApiUrl() {
    return "http://" + host + ":" + contentStateApiPort;
  }

  public String groupProgressApiUrl() {
    return "http://" + host + ":" + groupProgressApiPort;
  }

  /** Druid's coordinator, which also acts as the overlord (supervisors, tasks, rules, compaction). */
  public String druidCoordinatorUrl() {
    return "http://" + host + ":" + druid.coordinator();
  }

  /** Druid's broker: SQL over HTTP and Avatica JDBC. */
  public String druidBrokerUrl() {
    return "http://" + host + ":" + druid.broker();
  }

  public String redisUri() {
    return "redis://" + host + ":" + redisPort;
  }
}
