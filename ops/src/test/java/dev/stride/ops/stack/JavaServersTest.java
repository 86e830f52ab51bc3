package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaServersTest {

  private static final List<String> DEFAULTS = List.of("-Xmx2g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-Dx=y");

  @Test
  void operatorOptionsComeAfterTheDefaultsSoTheyWin() {
    assertThat(JavaServers.withOptions(DEFAULTS, " -Xmx4g  -Xlog:gc ")).containsExactly("-Xmx2g", "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=50", "-Dx=y", "-Xmx4g", "-Xlog:gc");
  }

  @Test
  void anotherCollectorReplacesTheDefaultCollectorAndItsPauseGoal() {
    assertThat(JavaServers.withOptions(DEFAULTS, "-XX:+UseZGC")).containsExactly("-Xmx2g", "-Dx=y", "-XX:+UseZGC");
  }

  @Test
  void noOptionsLeaveTheDefaults() {
    assertThat(JavaServers.withOptions(DEFAULTS, null)).isEqualTo(DEFAULTS);
    assertThat(JavaServers.withOptions(DEFAULTS, "  ")).isEqualTo(DEFAULTS);
  }

  @Test
  void theVariableIsNamedAfterTheServer() {
    assertThat(JavaServers.jvmOptionsVariable("content-state-api")).isEqualTo("STRIDE_CONTENT_STATE_API_JVM_OPTS");
    assertThat(JavaServers.jvmOptionsVariable("cassandra")).isEqualTo("STRIDE_CASSANDRA_JVM_OPTS");
  }
}
