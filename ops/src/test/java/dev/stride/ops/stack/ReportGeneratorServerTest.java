package dev.stride.ops.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportGeneratorServerTest {

  @Test
  void writesIntoTheReportStoreGroupProgressApiServesAndRunsServeInA256MbHeap(@TempDir Path home) throws IOException {
    StackConfig config = TestStacks.isolated(home);
    ReportGeneratorServer server = new ReportGeneratorServer();
    assertThat(server.environment(config))
        .containsEntry("STRIDE_REPORTS_DIR", home.resolve("reports").toString())
        .containsEntry("STRIDE_REPORTS_DIR", new GroupProgressApiServer().environment(config).get("STRIDE_REPORTS_DIR"))
        .containsKey("STRIDE_CASSANDRA");
    assertThat(server.jvmArgs(config)).contains("-Xmx256m");
    assertThat(server.ports(config)).isEmpty(); // headless: status and down go by PID
    assertThat(AppServers.all()).extracting(AppServer::name).contains("report-generator");
    assertThat(AppServers.modules()).contains("report-generator");
    assertThat(List.of(server.url(config))).containsExactly("(job, no HTTP)");
  }
}
