package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Samza progress aggregator (samza-jobs): ZooKeeper-coordinated standalone processes sharing one app id, so
 * ZooKeeper spreads the input partitions over however many run. Process 1 is "aggregator", the others
 * "aggregator-2", "aggregator-3"... (`stride up --samza-processes N`), each with its own state directory: a process's
 * RocksDB stores are rebuilt from their changelogs for whatever tasks it is given.
 */
public final class SamzaAggregatorServer extends AppServer {

  /** The most processes `stride up --samza-processes` starts (more than input partitions would idle). */
  public static final int MAX_PROCESSES = 8;
  /** The job's Samza app.name and app.id (progress-aggregator.properties): its checkpoint topic's name. */
  public static final String APP = "stride-progress-aggregator";
  public static final String APP_ID = "1";

  private final int index;

  public SamzaAggregatorServer() {
    this(1);
  }

  public SamzaAggregatorServer(int index) {
    if (index < 1 || index > MAX_PROCESSES) {
      throw new IllegalArgumentException("aggregator process index must be 1.." + MAX_PROCESSES + ", was " + index);
    }
    this.index = index;
  }

  /** Processes 2..n (process 1 is in {@link AppServers#all()}). */
  public static List<AppServer> extra(int processes) {
    List<AppServer> out = new ArrayList<>();
    for (int i = 2; i <= processes; i++) {
      out.add(new SamzaAggregatorServer(i));
    }
    return out;
  }

  /** Processes 2..MAX that have a PID file: what status shows and down stops besides process 1. */
  public static List<Server> started(StackConfig config) {
    List<Server> out = new ArrayList<>();
    for (int i = 2; i <= MAX_PROCESSES; i++) {
      SamzaAggregatorServer s = new SamzaAggregatorServer(i);
      if (Files.exists(config.pidFile(s.name()))) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public String name() {
    return index == 1 ? "aggregator" : "aggregator-" + index;
  }

  @Override
  protected String module() {
    return "samza-jobs";
  }

  @Override
  protected String mainClass() {
    return "dev.stride.samza.progress.ProgressAggregatorMain";
  }

  @Override
  protected List<String> jvmArgs(StackConfig config) {
    // 2 GiB: its stores' object caches and Kafka fetch buffers (progress-aggregator.properties) live on the heap;
    // paced at 20,000 events/s the job spent 54-56 µs of CPU per event at 1 GiB (G1 marking 6), 48-51 at 2 GiB
    // (BENCHMARKS.md, session 7). ParallelGC was cheaper per event but paused 0.35-1 s every 5-11 s: not taken.
    return List.of("-Xmx2g", "-XX:+UseG1GC");
  }

  @Override
  protected int httpPort(StackConfig config) {
    return 0;
  }

  @Override
  protected Map<String, String> environment(StackConfig config) throws IOException {
    Map<String, String> env = new HashMap<>(baseEnvironment(config));
    // RocksDB stores under the stack home; they are rebuilt from their changelogs when deleted
    env.put("STRIDE_SAMZA_STATE_DIR", config.dir(name()).resolve("state").toString());
    return env;
  }
}
