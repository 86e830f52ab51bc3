package dev.stride.ops.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GroupProgressApiServerTest {

  @Test
  void servesDownloadsFromTheReportStoreUnderTheStackHome(@TempDir Path home) throws IOException {
    StackConfig config = TestStacks.isolated(home);
    assertThat(new GroupProgressApiServer().environment(config))
        .containsEntry("STRIDE_REPORTS_DIR", home.resolve("reports").toString())
        .containsKey("STRIDE_CASSANDRA");
  }
}
