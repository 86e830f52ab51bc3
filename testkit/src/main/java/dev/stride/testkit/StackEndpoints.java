package dev.stride.testkit;

import java.util.Map;

/**
 * Where the real servers are. STRIDE_CASSANDRA, STRIDE_KAFKA, STRIDE_ZOOKEEPER and STRIDE_REDIS
 * point the tests at servers of your own (Docker, a cluster); otherwise the local stack's defaults.
 */
public record StackEndpoints(String cassandra, String kafka, String zookeeper, String redis, boolean fromEnvironment) {

  public static StackEndpoints fromEnvironment(Map<String, String> env) {
    boolean any = env.containsKey("STRIDE_CASSANDRA") || env.containsKey("STRIDE_KAFKA")
        || env.containsKey("STRIDE_ZOOKEEPER") || env.containsKey("STRIDE_REDIS");
    return new StackEndpoints(
        env.getOrDefault("STRIDE_CASSANDRA", "127.0.0.1:9042"),
        env.getOrDefault("STRIDE_KAFKA", "127.0.0.1:9092"),
        env.getOrDefault("STRIDE_ZOOKEEPER", "127.0.0.1:2181"),
        env.getOrDefault("STRIDE_REDIS", "redis://127.0.0.1:6379"),
        any);
  }

  public String cassandraHost() {
    return cassandra.substring(0, cassandra.lastIndexOf(':'));
  }

  public int cassandraPort() {
    return Integer.parseInt(cassandra.substring(cassandra.lastIndexOf(':') + 1));
  }

  /** host:port of Redis, whatever form (redis://host:port or host:port) was given. */
  public String redisHostPort() {
    return redis.replaceFirst("^rediss?://", "");
  }
}
