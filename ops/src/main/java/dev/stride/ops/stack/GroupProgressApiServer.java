package dev.stride.ops.stack;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The group-progress API (Spring Boot WebFlux): groups, cached group progress, batch dashboard, its web page. */
public final class GroupProgressApiServer extends AppServer {

  @Override
  public String name() {
    return "group-progress-api";
  }

  @Override
  protected String module() {
    return "group-progress-api";
  }

  @Override
  protected String mainClass() {
    return "dev.stride.groupprogress.GroupProgressApplication";
  }

  @Override
  protected int httpPort(StackConfig config) {
    return config.groupProgressApiPort();
  }

  /** The report store it serves downloads from, shared with the report generator (docs/REPORTS.md). */
  @Override
  protected Map<String, String> environment(StackConfig config) throws IOException {
    Map<String, String> env = new HashMap<>(baseEnvironment(config));
    env.put("STRIDE_REPORTS_DIR", config.home().resolve("reports").toString());
    return env;
  }
}
