package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFailureTest {

  @TempDir Path home;

  /** A server that is only a shell command: dies, or lives and reports healthy when told. */
  record ShellServer(String name, int port, String script, boolean healthy) implements Server {
    @Override public List<Integer> ports(StackConfig c) { return List.of(port); }
    @Override public void prepare(StackConfig c) throws java.io.IOException { Files.createDirectories(c.dir(name)); }
    @Override public List<String> command(StackConfig c) { return List.of("sh", "-c", script); }
    @Override public boolean healthy(StackConfig c) { return healthy; }
    @Override public Duration startTimeout() { return Duration.ofSeconds(10); }
  }

  @Test
  void aServerThatDiesDuringStartShowsTheEndOfItsLog() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    Server dying = new ShellServer("dying", TestStacks.freePort(),
        "for i in $(seq 1 40); do echo log line $i; done; exit 3", false);
    Stack stack = new Stack(config, List.of(dying), new PrintStream(new ByteArrayOutputStream()));

    assertThatThrownBy(stack::up)
        .isInstanceOf(StackException.class)
        .hasMessageContaining("dying died during start")
        .hasMessageContaining("log line 40")
        .hasMessageContaining("log line 11")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("log line 10\n"));
  }

  @Test
  void aTakenPortIsNamedWithTheProcessHoldingIt() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();
      Server blocked = new ShellServer("blocked", port, "sleep 30", true);
      Stack stack = new Stack(config, List.of(blocked), new PrintStream(new ByteArrayOutputStream()));

      assertThatThrownBy(stack::up)
          .hasMessageContaining("port " + port + " on 127.0.0.1 is already taken")
          .hasMessageContaining("held by pid " + ProcessHandle.current().pid());
    }
  }

  @Test
  void whenOneServerFailsWhatThisStartBroughtUpIsStoppedAgain() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    Server fine = new ShellServer("fine", TestStacks.freePort(), "sleep 60", true);
    Server dying = new ShellServer("dying", TestStacks.freePort(), "sleep 1; exit 1", false);
    Stack stack = new Stack(config, List.of(fine, dying), new PrintStream(new ByteArrayOutputStream()));

    assertThatThrownBy(stack::up).isInstanceOf(StackException.class);

    assertThat(ManagedProcess.read(config.pidFile("fine"), "fine")).isEmpty();
  }

  @Test
  void aRecycledPidIsNeverTakenForOurProcess() throws Exception {
    Path pidFile = home.resolve("x.pid");
    // our own PID, but a start instant that is not ours: it must not count as the server
    Files.writeString(pidFile, ProcessHandle.current().pid() + " 1000\n");

    assertThat(ManagedProcess.read(pidFile, "x")).hasValueSatisfying(p -> assertThat(p.alive()).isFalse());
  }
}
