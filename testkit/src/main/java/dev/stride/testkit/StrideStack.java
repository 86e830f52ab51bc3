package dev.stride.testkit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real stack as one test JVM sees it: endpoints, one shared CQL session, and unique names so
 * tests isolate themselves (own keyspace, own topics) on a stack that other runs may reuse.
 */
public final class StrideStack implements AutoCloseable {
  private final StackEndpoints endpoints;
  private final CqlSession session;
  private final Set<String> keyspaces = ConcurrentHashMap.newKeySet();

  StrideStack(StackEndpoints endpoints) {
    this.endpoints = endpoints;
    this.session = openSession(endpoints);
  }

  public StackEndpoints endpoints() {
    return endpoints;
  }

  /** host:port of Cassandra's native transport. */
  public String cassandraContactPoint() {
    return endpoints.cassandra();
  }

  public String kafkaBootstrap() {
    return endpoints.kafka();
  }

  public String zookeeperConnect() {
    return endpoints.zookeeper();
  }

  /** redis://host:port */
  public String redisUri() {
    return endpoints.redis().startsWith("redis") ? endpoints.redis() : "redis://" + endpoints.redis();
  }

  /**
   * Druid's coordinator (the overlord too), e.g. http://127.0.0.1:8081: STRIDE_DRUID_COORDINATOR, else the local
   * stack's, whose Druid is started (`ops/stride up --servers-only --with druid`) when it does not answer.
   */
  public String druidCoordinatorUrl() {
    StackStarter.ensureDruid(druidCoordinator(), druidBroker());
    return druidCoordinator();
  }

  /** Druid's broker (SQL, Avatica), e.g. http://127.0.0.1:8082: STRIDE_DRUID_BROKER, else the local stack's. */
  public String druidBrokerUrl() {
    StackStarter.ensureDruid(druidCoordinator(), druidBroker());
    return druidBroker();
  }

  private static String druidCoordinator() {
    return System.getenv().getOrDefault("STRIDE_DRUID_COORDINATOR", "http://127.0.0.1:8081");
  }

  private static String druidBroker() {
    return System.getenv().getOrDefault("STRIDE_DRUID_BROKER", "http://127.0.0.1:8082");
  }

  /** A session with no keyspace, shared by the tests of this JVM: qualify table names or use a keyspace option. */
  public CqlSession session() {
    return session;
  }

  /**
   * A new keyspace name (not created yet) that no other test uses; it is dropped when the test JVM
   * ends so a reused stack does not fill up.
   */
  public String freshKeyspace(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String name = "t_" + clean.substring(0, Math.min(clean.length(), 24)) + "_" + shortId();
    keyspaces.add(name);
    return name;
  }

  /** A name no other test or run uses, e.g. for a Kafka topic or a Redis key prefix. */
  public String uniqueName(String prefix) {
    return prefix + "-" + shortId();
  }

  /** Driver settings tests want: fast schema agreement (1 ms debouncer), generous DDL timeouts. */
  public static DriverConfigLoader testDriverConfig() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(20))
        .build();
  }

  private static CqlSession openSession(StackEndpoints e) {
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(e.cassandraHost(), e.cassandraPort()))
        .withLocalDatacenter(System.getenv().getOrDefault("STRIDE_CASSANDRA_DC", "datacenter1"))
        .withConfigLoader(testDriverConfig())
        .build();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Override
  public void close() {
    for (String ks : keyspaces) {
      try {
        session.execute("DROP KEYSPACE IF EXISTS " + ks);
      } catch (RuntimeException ignored) {
        // best effort: a leftover test keyspace is harmless
      }
    }
    session.close();
  }
}
