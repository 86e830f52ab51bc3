package dev.stride.ops.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** One real server of the local stack: how to configure, start and probe it. */
public interface Server {

  String name();

  /** Ports that must be free before it starts; the first is the one clients use. */
  List<Integer> ports(StackConfig config);

  /** Writes configuration files and formats storage; safe to call before every start. */
  void prepare(StackConfig config) throws IOException;

  List<String> command(StackConfig config) throws IOException;

  /** One quick readiness probe against the real protocol (not just an open port). */
  boolean healthy(StackConfig config);

  default Duration startTimeout() {
    return Duration.ofSeconds(90);
  }
}
