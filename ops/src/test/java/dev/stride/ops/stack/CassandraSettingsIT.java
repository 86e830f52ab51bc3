package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cassandra.yaml and JVM flags the stack starts Cassandra with, read by Cassandra's own config loader (its jars, a
 * child JVM): operator overrides ({@code STRIDE_CASSANDRA_JVM_OPTS="-Dcassandra.settings.<name>=<value>"}) apply, and
 * the memtable pools are the stack's.
 */
class CassandraSettingsIT {

  private static final String PRINT_CONFIG = """
      import org.apache.cassandra.config.Config;
      import org.apache.cassandra.config.YamlConfigurationLoader;

      class PrintConfig {
        public static void main(String[] args) throws Exception {
          Config c = new YamlConfigurationLoader().loadConfig();
          System.out.println("memtable_heap_space=" + c.memtable_heap_space);
          System.out.println("memtable_offheap_space=" + c.memtable_offheap_space);
          System.out.println("memtable_allocation_type=" + c.memtable_allocation_type);
          System.out.println("compaction_throughput=" + c.compaction_throughput);
          System.out.println("memtables=" + c.memtable.configurations);
        }
      }
      """;

  @TempDir Path home;

  @Test
  void anOperatorsCassandraSettingOverridesTheYamlBesideTheStacksMemtablePools() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    List<String> flags = stackFlags(config);

    List<String> printed = loadedConfig(config, flags, "-Dcassandra.settings.compaction_throughput=7MiB/s");

    assertThat(printed).contains("compaction_throughput=7MiB/s", "memtable_allocation_type=offheap_objects",
        // unset, so Cassandra sizes it at a quarter of its heap
        "memtable_heap_space=null", "memtable_offheap_space=1GiB",
        // both memtables defined (a table may name either); tables without their own option use the default, which
        // Cassandra prints as the configuration it inherits from followed by "+"
        "memtables={skiplist=SkipListMemtable, trie=TrieMemtable, default="
            + CassandraServer.memtable(System.getenv("STRIDE_CASSANDRA_MEMTABLE")) + "+}");
  }

  @Test
  void withoutTheStacksFlagCassandraWouldIgnoreTheSettingSilently() throws Exception {
    StackConfig config = TestStacks.isolated(home);
    List<String> flags = stackFlags(config).stream().filter(a -> a.startsWith("-Dcassandra.config=")).toList();

    assertThat(loadedConfig(config, flags, "-Dcassandra.settings.compaction_throughput=7MiB/s"))
        .contains("compaction_throughput=64MiB/s");
  }

  /** The stack's cassandra.yaml written, and the {@code -Dcassandra.config*} flags it starts Cassandra with. */
  private static List<String> stackFlags(StackConfig config) throws Exception {
    CassandraServer cassandra = new CassandraServer();
    cassandra.prepare(config);
    return cassandra.command(config).stream().filter(a -> a.startsWith("-Dcassandra.config")).toList();
  }

  private List<String> loadedConfig(StackConfig config, List<String> flags, String setting) throws Exception {
    Path source = Files.writeString(home.resolve("PrintConfig.java"), PRINT_CONFIG);
    List<String> cmd = new ArrayList<>(List.of(JavaServers.java(), "-cp", JavaServers.classpath(config, "cassandra")));
    cmd.addAll(flags);
    cmd.add(setting);
    cmd.add(source.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().toList();
  }
}
