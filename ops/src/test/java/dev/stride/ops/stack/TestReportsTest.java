package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportsTest {

  @TempDir Path root;

  @Test
  void addsUpSurefireAndFailsafeReportsWrittenSinceTheRunStarted() throws Exception {
    Instant start = Instant.now().minusSeconds(60);
    write("a/target/surefire-reports/TEST-A.xml", "<testsuite name=\"A\" tests=\"10\" failures=\"1\" errors=\"1\" skipped=\"2\">");
    write("b/target/failsafe-reports/TEST-B.xml", "<testsuite tests=\"5\" failures=\"0\" errors=\"0\" skipped=\"0\" name=\"B\">");
    Path old = write("c/target/surefire-reports/TEST-C.xml", "<testsuite tests=\"99\" failures=\"9\" errors=\"0\" skipped=\"0\">");
    Files.setLastModifiedTime(old, FileTime.from(start.minusSeconds(3600)));

    TestReports.Totals totals = TestReports.since(root, start);

    assertThat(totals).isEqualTo(new TestReports.Totals(11, 2, 2));
  }

  private Path write(String relative, String suite) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<?xml version=\"1.0\"?>\n" + suite + "<testcase name=\"x\"/></testsuite>");
    return file;
  }
}
