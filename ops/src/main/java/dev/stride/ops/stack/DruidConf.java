package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the micro cluster's runtime.properties under .stride/druid/conf (read from the classpath: conf/_common and
 * conf/ROLE come first on it). Settings are those measured to work on a 2-core machine (../shared/notes/SERVERS.md).
 * Data lives under .stride/druid: Derby metadata, local deep storage, segment cache, task folders, task logs.
 */
final class DruidConf {
  private DruidConf() {}

  static Path home(StackConfig c) {
    return c.dir("druid").toAbsolutePath();
  }

  static Path confDir(StackConfig c) {
    return home(c).resolve("conf");
  }

  static Path tmpDir(StackConfig c, DruidServer.Role role) {
    return home(c).resolve("tmp").resolve(role.id());
  }

  static void write(StackConfig c, DruidServer.Role role) throws IOException {
    Path home = home(c);
    Path conf = confDir(c);
    Files.createDirectories(conf.resolve("_common"));
    Files.createDirectories(conf.resolve(role.id()));
    Files.createDirectories(tmpDir(c, role));
    Files.createDirectories(c.dir("druid-" + role.id())); // the process's working directory
    Files.writeString(conf.resolve("_common/common.runtime.properties"), common(c, home));
    Files.writeString(conf.resolve("_common/log4j2.xml"), LOG4J2);
    Files.writeString(conf.resolve(role.id()).resolve("runtime.properties"), switch (role) {
      case COORDINATOR -> coordinator(c);
      case BROKER -> broker(c);
      case HISTORICAL -> historical(c, home);
      case INDEXER -> indexer(c, home);
    });
  }

  private static String common(StackConfig c, Path home) {
    return """
        # written by stride up; edits are overwritten at the next start
        # extensions are on the classpath already: no extensions folder
        druid.extensions.loadList=[]
        druid.extensions.searchCurrentClassloader=true
        druid.host=%1$s
        druid.zk.service.host=%2$s
        druid.zk.paths.base=/druid
        druid.metadata.storage.type=derby
        druid.metadata.storage.connector.connectURI=jdbc:derby://%1$s:%3$d/%4$s;create=true
        druid.metadata.storage.connector.host=%1$s
        druid.metadata.storage.connector.port=%3$d
        druid.storage.type=local
        druid.storage.storageDirectory=%5$s
        druid.indexer.logs.type=file
        druid.indexer.logs.directory=%6$s
        druid.selectors.indexing.serviceName=druid/overlord
        druid.selectors.coordinator.serviceName=druid/coordinator
        druid.emitter=noop
        druid.monitoring.monitors=[]
        druid.server.http.numThreads=6
        druid.lookup.enableLookupSyncOnStartup=false
        druid.startup.logging.logProperties=false
        druid.sql.enable=true
        """.formatted(c.host(), c.zookeeperConnect(), c.druid().derby(),
        home.resolve("metadata.db"), home.resolve("deep-storage"), home.resolve("indexing-logs"));
  }

  private static String coordinator(StackConfig c) {
    return """
        druid.service=druid/coordinator
        druid.plaintextPort=%d
        # the coordinator is the overlord too: one JVM fewer
        druid.coordinator.asOverlord.enabled=true
        druid.coordinator.asOverlord.overlordService=druid/overlord
        druid.coordinator.startDelay=PT5S
        druid.coordinator.period=PT5S
        druid.manager.segments.pollDuration=PT5S
        druid.indexer.queue.startDelay=PT1S
        druid.indexer.storage.type=metadata
        druid.indexer.runner.type=remote
        druid.coordinator.kill.on=false
        """.formatted(c.druid().coordinator());
  }

  private static String broker(StackConfig c) {
    return """
        druid.service=druid/broker
        druid.plaintextPort=%d
        druid.processing.buffer.sizeBytes=50MiB
        druid.processing.numMergeBuffers=2
        druid.processing.numThreads=1
        druid.broker.cache.useCache=false
        druid.broker.cache.populateCache=false
        druid.broker.http.numConnections=10
        # results from the data servers uncompressed: theta sketches of ids do not compress, and gzip-inflating them was
        # most of the broker's time in the trend query (learner_activity)
        druid.broker.http.compressionCodec=identity
        """.formatted(c.druid().broker());
  }

  private static String historical(StackConfig c, Path home) {
    return """
        druid.service=druid/historical
        druid.plaintextPort=%d
        druid.processing.buffer.sizeBytes=50MiB
        druid.processing.numMergeBuffers=2
        # two threads: a query's segments (one a day) are read two at a time, e.g. the trend's sketch unions
        druid.processing.numThreads=2
        druid.segmentCache.locations=[{"path":"%s","maxSize":"10g"}]
        druid.historical.cache.useCache=false
        druid.historical.cache.populateCache=false
        """.formatted(c.druid().historical(), home.resolve("segment-cache"));
  }

  private static String indexer(StackConfig c, Path home) {
    return """
        druid.service=druid/indexer
        druid.plaintextPort=%d
        # tasks run as threads of this JVM (no peons): one slot per supervisor task (three supervisors, two tasks each while
        # one hands off), tests' private supervisors (TrendIT holds five), one compaction task
        druid.worker.capacity=12
        druid.worker.globalIngestionHeapLimitBytes=250000000
        druid.processing.buffer.sizeBytes=25MiB
        druid.processing.numMergeBuffers=2
        druid.processing.numThreads=1
        druid.indexer.task.baseTaskDir=%s
        druid.realtime.cache.useCache=false
        druid.realtime.cache.populateCache=false
        """.formatted(c.druid().indexer(), home.resolve("task"));
  }

  private static final String LOG4J2 = """
      <?xml version="1.0" encoding="UTF-8" ?>
      <Configuration status="WARN">
        <Appenders>
          <Console name="Console" target="SYSTEM_OUT">
            <PatternLayout pattern="%d{ISO8601} %p [%t] %c{1} - %m%n"/>
          </Console>
        </Appenders>
        <Loggers>
          <Root level="info"><AppenderRef ref="Console"/></Root>
          <Logger name="org.apache.druid.server.coordinator" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
          <Logger name="org.apache.kafka" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
          <Logger name="org.apache.curator" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
          <Logger name="org.apache.zookeeper" level="warn" additivity="false"><AppenderRef ref="Console"/></Logger>
        </Loggers>
      </Configuration>
      """;
}
