package dev.stride.ops.stack;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report generator (report-generator serve): a headless job that runs requested reports from the job queue and
 * the nightly reports into {@code <home>/reports}, the folder group-progress-api serves them from.
 */
public final class ReportGeneratorServer extends AppServer {

  @Override
  public String name() {
    return "report-generator";
  }

  @Override
  protected String module() {
    return "report-generator";
  }

  @Override
  protected String mainClass() {
    return "dev.stride.reports.ReportGeneratorMain";
  }

  @Override
  protected int httpPort(StackConfig config) {
    return 0;
  }

  /** The report store both processes share (docs/REPORTS.md). */
  public static java.nio.file.Path reportsDir(StackConfig config) {
    return config.home().resolve("reports");
  }

  @Override
  protected Map<String, String> environment(StackConfig config) throws IOException {
    Map<String, String> env = new HashMap<>(baseEnvironment(config));
    env.put("STRIDE_REPORTS_DIR", reportsDir(config).toString());
    return env;
  }

  @Override
  protected List<String> jvmArgs(StackConfig config) {
    return List.of("-Xmx256m", "-XX:+UseG1GC");
  }

  @Override
  public List<String> command(StackConfig config) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(super.command(config));
    cmd.add("serve");
    return cmd;
  }
}
