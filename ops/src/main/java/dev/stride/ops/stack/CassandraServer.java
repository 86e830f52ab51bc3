package dev.stride.ops.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Cassandra 5.0.9 from cassandra-all, one node on loopback, in its own JVM. */
public final class CassandraServer implements Server {

  // Cassandra's own conf/jvm17-server.options: the JDK 17 module flags it needs.
  private static final List<String> JDK17_FLAGS = List.of(
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports=java.sql/java.sql=ALL-UNNAMED",
      "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED");

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public List<Integer> ports(StackConfig c) {
    return List.of(c.cassandraPort(), c.cassandraStoragePort());
  }

  @Override
  public void prepare(StackConfig c) throws IOException {
    Path dir = c.dir(name());
    Path data = dir.resolve("data");
    for (String sub : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw")) {
      Files.createDirectories(data.resolve(sub));
    }
    Files.createDirectories(dir.resolve("conf"));
    // memtables: the on-heap pool at Cassandra's default (a quarter of the heap), 1 GiB off heap; with 256 MiB each
    // (under that default at 2 GiB) the write path's tables flushed 3 times as often (docs/BENCHMARKS.md, session 16)
    String yaml = """
        cluster_name: stride-local
        num_tokens: 1
        initial_token: 0
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%1$s:%3$d"
        listen_address: %1$s
        rpc_address: %1$s
        storage_port: %3$d
        native_transport_port: %2$d
        start_native_transport: true
        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer
        data_file_directories:
          - %4$s/data
        commitlog_directory: %4$s/commitlog
        saved_caches_directory: %4$s/saved_caches
        hints_directory: %4$s/hints
        cdc_raw_directory: %4$s/cdc_raw
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        memtable_offheap_space: 1GiB
        memtable_allocation_type: offheap_objects
        memtable:
          configurations:
            skiplist:
              class_name: SkipListMemtable
            trie:
              class_name: TrieMemtable
            default:
              inherits: %5$s
        auto_snapshot: false
        hinted_handoff_enabled: false
        """.formatted(c.host(), c.cassandraPort(), c.cassandraStoragePort(), data.toAbsolutePath(),
        memtable(System.getenv("STRIDE_CASSANDRA_MEMTABLE")));
    Files.writeString(dir.resolve("conf/cassandra.yaml"), yaml);
    Files.writeString(dir.resolve("conf/logback.xml"), """
        <configuration>
          <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
          </appender>
          <root level="INFO"><appender-ref ref="STDOUT"/></root>
        </configuration>
        """);
  }

  @Override
  public List<String> command(StackConfig c) throws IOException {
    Path dir = c.dir(name()).toAbsolutePath();
    Files.createDirectories(dir.resolve("logs")); // the JVM opens its GC log before Cassandra creates the folder
    List<String> jvm = new ArrayList<>(List.of(
        "-Xms" + c.cassandraHeap(), "-Xmx" + c.cassandraHeap(), "-XX:+UseG1GC",
        // young pauses were 250-350 ms under the write bench (GCInspector), the whole tail of every API's p99;
        // with memtables off heap (offheap_objects above) there is little to copy, so a short target holds
        "-XX:MaxGCPauseMillis=50",
        "-Dcassandra-foreground=yes",
        // lets STRIDE_CASSANDRA_JVM_OPTS override cassandra.yaml with -Dcassandra.settings.<name>=<value>;
        // without it Cassandra 5 ignores those properties without a word
        "-Dcassandra.config.allow_system_properties=true",
        "-Dcassandra.config=file://" + dir.resolve("conf/cassandra.yaml"),
        "-Dcassandra.storagedir=" + dir.resolve("data"),
        "-Dcassandra.logdir=" + dir.resolve("logs"),
        "-Dlogback.configurationFile=" + dir.resolve("conf/logback.xml"),
        // one node: nothing to gossip with, so don't wait for gossip to settle
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true",
        "-Dio.netty.tryReflectionSetAccessible=true",
        // every pause with its length: a p99 is read against them (Cassandra's own log keeps only those over 200 ms)
        "-Xlog:gc:file=" + dir.resolve("logs/gc.log") + ":time,uptime:filecount=3,filesize=10m"));
    jvm.addAll(JDK17_FLAGS);
    if (Tools.runningAsRoot()) {
      // Cassandra runs its request stages at MAX and compaction and flushes at NORM thread priority, which Linux only
      // applies under this policy (as root): requests then go ahead of a compaction (the API bench's slow seconds lined
      // up with flushes and compactions); its request stages also go ahead of the other processes' threads
      jvm.add("-XX:ThreadPriorityPolicy=1");
    }
    List<String> cmd = new ArrayList<>(timerSlackPrefix(System.getenv("STRIDE_CASSANDRA_TIMER_SLACK_NS")));
    if (Tools.runningAsRoot() && Tools.onPath("setpriv").isPresent()) {
      // as root Cassandra mlocks its whole heap: start goes from ~4 s to 9-24 s
      cmd.addAll(List.of("setpriv", "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock"));
    }
    cmd.addAll(JavaServers.javaCommand(JavaServers.withOperatorOptions(name(), jvm), JavaServers.classpath(c, name()),
        "org.apache.cassandra.service.CassandraDaemon"));
    return cmd;
  }

  /** Timer slack of Cassandra's threads when {@code STRIDE_CASSANDRA_TIMER_SLACK_NS} is unset. */
  static final long DEFAULT_TIMER_SLACK_NS = 1_000_000;

  /**
   * A shell prefix that sets the process's timer slack before it execs Cassandra (Linux; every JVM thread inherits it).
   * Why: Cassandra's shared request pools (SEPWorker) wait for work by parking 10 µs at a time, so on a 2-core box a
   * third of Cassandra's CPU went to waking idle workers (async-profiler: 31 % of its samples in the kernel's
   * finish_task_switch) and 1.4 ms of Cassandra CPU per 10-content update fell to 1.0 ms with 1 ms of slack
   * (BENCHMARKS, session 12). The cost: a request handed to an idle-spinning worker may wait up to the slack.
   * {@code 0} keeps the kernel's default (50 µs); a value that is not a number is refused.
   */
  static List<String> timerSlackPrefix(String configured) {
    long slack = configured == null || configured.isBlank() ? DEFAULT_TIMER_SLACK_NS : parseSlack(configured.strip());
    if (slack == 0 || !Files.isWritable(Path.of("/proc/self/timerslack_ns"))) {
      return List.of();
    }
    return List.of("sh", "-c", "echo " + slack + " > /proc/self/timerslack_ns; exec \"$@\"", "cassandra");
  }

  /** The memtable of each table without a {@code memtable} option of its own, unless STRIDE_CASSANDRA_MEMTABLE says. */
  static final String DEFAULT_MEMTABLE = "skiplist";

  /** {@code skiplist} (Cassandra 5.0's default) or {@code trie}; anything else is refused before Cassandra starts. */
  static String memtable(String configured) {
    String memtable = configured == null || configured.isBlank() ? DEFAULT_MEMTABLE : configured.strip();
    if (!List.of("skiplist", "trie").contains(memtable)) {
      throw new IllegalArgumentException(
          "STRIDE_CASSANDRA_MEMTABLE must be skiplist or trie, got '" + configured + "'");
    }
    return memtable;
  }

  private static long parseSlack(String value) {
    try {
      long slack = Long.parseLong(value);
      if (slack < 0) {
        throw new NumberFormatException();
      }
      return slack;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("STRIDE_CASSANDRA_TIMER_SLACK_NS must be a whole number of nanoseconds >= 0,"
          + " got '" + value + "'");
    }
  }

  @Override
  public boolean healthy(StackConfig c) {
    if (!Probes.portOpen(c.host(), c.cassandraPort())) {
      return false;
    }
    DriverConfigLoader quick = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(2))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(2))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(2))
        .build();
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(c.host(), c.cassandraPort()))
        .withLocalDatacenter("datacenter1")
        .withConfigLoader(quick)
        .build()) {
      return session.execute("SELECT release_version FROM system.local").one() != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
