package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** up, status, reuse, down and down again, against a real Redis on spare ports in its own home. */
class StackLifecycleIT {

  @TempDir Path home;

  @Test
  void upWaitsForHealthReusesARunningServerAndDownLeavesNothingRunning() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Stack stack = new Stack(config, List.of(new RedisServer()), new PrintStream(out, true));

    assertThat(stack.up()).containsExactly("redis");
    ManagedProcess redis = ManagedProcess.read(config.pidFile("redis"), "redis").orElseThrow();
    assertThat(redis.alive()).isTrue();
    assertThat(stack.status()).singleElement().satisfies(s -> {
      assertThat(s.healthy()).isTrue();
      assertThat(s.pid()).isEqualTo(redis.pid());
      assertThat(s.port()).isEqualTo(config.redisPort());
    });

    assertThat(stack.up()).as("a second up reuses the running server").isEmpty();
    assertThat(out.toString()).contains("already running (pid " + redis.pid() + ")");

    stack.down(List.of());
    assertThat(ProcessHandle.of(redis.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.exists(config.pidFile("redis"))).isFalse();
    assertThat(PortOwner.isFree(config.host(), config.redisPort())).isTrue();

    stack.down(List.of());
    assertThat(out.toString()).contains("redis      not running");
  }
}
