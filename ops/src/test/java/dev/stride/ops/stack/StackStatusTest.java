package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStatusTest {

  @TempDir Path home;

  /** A headless job: no port, healthy while its process lives. */
  record Job(String name) implements Server {
    @Override public List<Integer> ports(StackConfig c) { return List.of(); }
    @Override public void prepare(StackConfig c) throws java.io.IOException { Files.createDirectories(c.dir(name)); }
    @Override public List<String> command(StackConfig c) { return List.of("sleep", "30"); }
    @Override public boolean healthy(StackConfig c) { return true; }
    @Override public Duration startTimeout() { return Duration.ofSeconds(5); }
  }

  @Test
  void aHeadlessJobStartsAndShowsWithoutAPort() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Stack stack = new Stack(TestStacks.isolated(home), List.of(new Job("job")), new PrintStream(out, true));
    try {
      assertThat(stack.up()).containsExactly("job");
      assertThat(out.toString()).contains("job        healthy (pid");
      assertThat(stack.status()).singleElement().satisfies(s -> {
        assertThat(s.port()).isNull();
        assertThat(s.running()).isTrue();
        assertThat(s.healthy()).isTrue();
      });
    } finally {
      stack.down(List.of());
    }
  }
}
