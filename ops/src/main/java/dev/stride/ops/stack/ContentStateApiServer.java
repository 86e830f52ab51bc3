package dev.stride.ops.stack;

import java.io.IOException;
import java.util.HashMap;
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

  @Override
  protected Map<String, String> environment(StackConfig config) throws IOException {
    Map<String, String> env = new HashMap<>(baseEnvironment(config));
    env.putAll(extraEnvironment);
    return env;
  }
}
