package dev.stride.ops.stack;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The content-state API (Spring Boot WebFlux) on its HTTP port. */
public final class ContentStateApiServer extends AppServer {
  private final Map<String, String> extraEnvironment;

  public ContentStateApiServer() {
    this(Map.of());
  }

  /** With extra settings, e.g. private topic names for a test (Spring's relaxed binding of STRIDE_KAFKA_...). */
  public ContentStateApiServer(Map<String, String> extraEnvironment) {
    this.extraEnvironment = Map.copyOf(extraEnvironment);
  }

  @Override
  public String name() {
    return "content-state-api";
  }

  @Override
  protected String module() {
    return "content-state-api";
  }

  @Override
  protected String mainClass() {
    return "dev.stride.contentstate.ContentStateApplication";
  }

  @Override
  protected int httpPort(StackConfig config) {
    return config.contentStateApiPort();
  }

  /**
   * ParallelGC: on 2 shared cores its young collections cost less CPU than G1's concurrent refinement and barriers for
   * this API's short-lived request garbage (GC time ~1/2 of G1's under the same bench, docs/BENCHMARKS.md issue 7);
   * MetaspaceSize avoids the full collections Spring's start-up class loading triggers.
   */
  @Override
  protected List<String> jvmArgs(StackConfig config) {
    return List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:MetaspaceSize=128m");
  }

  @Override
  protected Map<String, String> environment(StackConfig config) throws IOException {
    Map<String, String> env = new HashMap<>(baseEnvironment(config));
    env.putAll(extraEnvironment);
    return env;
  }
}
