package dev.stride.reports.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where the generator finds Cassandra and the report store; defaults from the environment `stride up` sets. */
public final class GeneratorOptions {

    @Option(names = "--cassandra", defaultValue = "${env:STRIDE_CASSANDRA:-127.0.0.1:9042}",
            description = "Cassandra contact points host:port[,host:port] (env STRIDE_CASSANDRA; default ${DEFAULT-VALUE}).")
    String cassandra;

    @Option(names = "--dc", defaultValue = "${env:STRIDE_CASSANDRA_DC:-datacenter1}",
            description = "Local data centre (env STRIDE_CASSANDRA_DC; default ${DEFAULT-VALUE}).")
    String dc;

    @Option(names = "--keyspace", defaultValue = "${env:STRIDE_KEYSPACE:-stride}",
            description = "Keyspace (env STRIDE_KEYSPACE; default ${DEFAULT-VALUE}).")
    String keyspace;

    @Option(names = "--reports-dir", defaultValue = "${env:STRIDE_REPORTS_DIR:-reports}",
            description = "Report store root folder (env STRIDE_REPORTS_DIR; default ${DEFAULT-VALUE}).")
    Path reportsDir;

    @Option(names = "--page-size", defaultValue = "5000",
            description = "Rows per Cassandra page of a partition scan (default ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--read-ahead", defaultValue = "32",
            description = "Per-learner / per-member partition reads in flight (default ${DEFAULT-VALUE}).")
    int readAhead;

    @Option(names = "--zone", defaultValue = "${env:STRIDE_REPORTS_ZONE:-UTC}",
            description = "Time zone of report dates and the nightly schedule (env STRIDE_REPORTS_ZONE; default ${DEFAULT-VALUE}).")
    String zone;
}
