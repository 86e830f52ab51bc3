package dev.stride.ops.stack;

import java.util.List;

/**
 * The Stride applications `stride up` runs after the servers are healthy and the schema is applied,
 * in this order. Each capability adds its application here.
 */
public final class AppServers {
  private AppServers() {}

  public static List<AppServer> all() {
    return List.of(new ContentStateApiServer(), new GroupProgressApiServer(), new SamzaAggregatorServer(), new ReportGeneratorServer());
  }

  /** Applications that need Druid: started by `stride up --with druid` after the Druid specs are applied. */
  public static List<AppServer> withDruid() {
    return List.of(new DruidFeedServer());
  }

  public static List<String> withDruidModules() {
    return withDruid().stream().map(AppServer::module).distinct().toList();
  }

  /** The Maven modules the applications are built from (for `stride up`'s build step). */
  public static List<String> modules() {
    return all().stream().map(AppServer::module).distinct().toList();
  }
}
