package dev.stride.ops.stack;

/** The Druid micro cluster's HTTP ports, and the Derby metadata store's, which the coordinator runs. */
public record DruidPorts(int coordinator, int broker, int historical, int indexer, int derby) {

  /** Druid's own defaults (and Derby's). */
  public static final DruidPorts DEFAULTS = new DruidPorts(8081, 8082, 8083, 8091, 1527);
}
