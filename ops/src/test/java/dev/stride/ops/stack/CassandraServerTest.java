package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraServerTest {

  private static boolean linuxTimerSlack() {
    return Files.isWritable(Path.of("/proc/self/timerslack_ns"));
  }

  @Test
  void theExecutedProgramAndWhatItStartsRunWithTheSlack() throws Exception {
    assumeTrue(linuxTimerSlack(), "needs Linux's /proc/self/timerslack_ns");
    List<String> cmd = new ArrayList<>(CassandraServer.timerSlackPrefix(null));
    // the exec'd program reads its own value; what it starts (a subshell's cat, as the JVM's threads) inherits it
    cmd.addAll(List.of("sh", "-c", "cat /proc/self/timerslack_ns; (cat /proc/self/timerslack_ns)"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out.lines()).containsExactly("1000000", "1000000");
  }

  @Test
  void anOperatorValueReplacesTheDefaultAndZeroKeepsTheKernels() {
    assumeTrue(linuxTimerSlack(), "needs Linux's /proc/self/timerslack_ns");
    assertThat(CassandraServer.timerSlackPrefix(" 250000 ").get(2)).startsWith("echo 250000 >");
    assertThat(CassandraServer.timerSlackPrefix("0")).isEmpty();
  }

  @Test
  void aValueThatIsNotANumberIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> CassandraServer.timerSlackPrefix("1ms"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STRIDE_CASSANDRA_TIMER_SLACK_NS").hasMessageContaining("'1ms'");
    assertThatThrownBy(() -> CassandraServer.timerSlackPrefix("-5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMemtableIsSkiplistUnlessTheOperatorNamesTrieAndAnythingElseIsRefused() {
    assertThat(CassandraServer.memtable(null)).isEqualTo("skiplist");
    assertThat(CassandraServer.memtable(" trie ")).isEqualTo("trie");
    assertThatThrownBy(() -> CassandraServer.memtable("TrieMemtable"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STRIDE_CASSANDRA_MEMTABLE").hasMessageContaining("'TrieMemtable'");
  }
}
