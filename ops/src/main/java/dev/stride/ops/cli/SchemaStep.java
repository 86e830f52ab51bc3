package dev.stride.ops.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import dev.stride.schema.CassandraSessions;
import dev.stride.schema.MigrationResult;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import java.io.PrintStream;

/** Applies the pending CQL migrations to the stack's keyspace (SimpleStrategy RF 1 locally). */
final class SchemaStep {
  private SchemaStep() {}

  static void apply(StackConfig config, PrintStream out) throws StackException {
    try (CqlSession session = CassandraSessions.open(config.cassandraContactPoint(), "datacenter1", null)) {
      MigrationResult result = MigrationRunner.migrate(session, config.keyspace(), Replication.simple(1));
      out.printf("  schema     keyspace %s: %d migration(s) applied, %d already there%n",
          config.keyspace(), result.applied().size(), result.skipped().size());
    } catch (RuntimeException e) {
      throw new StackException("applying the schema migrations failed: " + e.getMessage());
    }
  }
}
