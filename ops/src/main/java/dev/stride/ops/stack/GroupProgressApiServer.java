package dev.stride.ops.stack;

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
}
