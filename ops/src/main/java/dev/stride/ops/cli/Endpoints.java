package dev.stride.ops.cli;

import dev.stride.ops.stack.StackConfig;
import java.io.PrintStream;

final class Endpoints {
  private Endpoints() {}

  static void print(StackConfig c, PrintStream out) {
    out.println();
    out.println("Endpoints");
    out.printf("  Cassandra  %s  (keyspace %s, datacenter1)%n", c.cassandraContactPoint(), c.keyspace());
    out.printf("  Kafka      %s%n", c.kafkaBootstrap());
    out.printf("  ZooKeeper  %s%n", c.zookeeperConnect());
    out.printf("  Redis      %s%n", c.redisUri());
    out.printf("  Druid      %s (SQL, Avatica; with --with druid or the demo), console %s%n", c.druidBrokerUrl(),
        c.druidCoordinatorUrl());
    for (var app : dev.stride.ops.stack.AppServers.all()) {
      out.printf("  %-18s %s%n", app.name(), app.url(c));
    }
    out.printf("  Logs       %s%n", c.home().resolve("logs"));
    out.println("  Stop with  ops/stride down");
  }
}
