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
    int groupProgressApiPort) {

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

  public String redisUri() {
    return "redis://" + host + ":" + redisPort;
  }
}
