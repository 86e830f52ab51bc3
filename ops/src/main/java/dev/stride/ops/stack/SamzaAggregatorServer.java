package dev.stride.ops.stack;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The Samza progress aggregator (samza-jobs), one ZooKeeper-coordinated standalone process. More processes started by
 * hand with the same app id (`java -cp ... ProgressAggregatorMain`) share its partitions.
 */
public final class SamzaAggregatorServer extends AppServer {

  @Override
  public String name() {
    return "aggregator";
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
