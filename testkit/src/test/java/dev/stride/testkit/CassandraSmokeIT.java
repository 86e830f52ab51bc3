package dev.stride.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;

@StrideIntegrationTest
class CassandraSmokeIT {

  @Test
  void writesAndReadsARowThroughTheJavaDriver(StrideStack stack) {
    CqlSession session = stack.session();
    String ks = stack.freshKeyspace("smoke");
    session.execute("CREATE KEYSPACE " + ks + " WITH replication = {'class':'SimpleStrategy','replication_factor':1}");
    session.execute("CREATE TABLE " + ks + ".kv (k text PRIMARY KEY, v int)");
    session.execute(session.prepare("INSERT INTO " + ks + ".kv (k, v) VALUES (?, ?)").bind("answer", 42));

    Row row = session.execute(session.prepare("SELECT v FROM " + ks + ".kv WHERE k = ?").bind("answer")).one();

    assertThat(row).isNotNull();
    assertThat(row.getInt("v")).isEqualTo(42);
  }

  @Test
  void isARealCassandraFive(StrideStack stack) {
    String version = stack.session().execute("SELECT release_version FROM system.local").one().getString(0);
    assertThat(version).startsWith("5.0");
  }
}
