package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@StrideIntegrationTest
class MigrationRunnerIT {

    private static final List<Integer> ALL_VERSIONS =
            MigrationLoader.load().stream().map(Migration::version).toList();

    @Test
    void migratesOnceAndASecondRunAppliesNothing(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");

        MigrationResult first = MigrationRunner.migrate(session, ks, Replication.simple(1));
        MigrationResult second = MigrationRunner.migrate(session, ks, Replication.simple(1));

        assertThat(first.applied()).isEqualTo(ALL_VERSIONS);
        assertThat(first.skipped()).isEmpty();
        assertThat(second.applied()).isEmpty();
        assertThat(second.skipped()).isEqualTo(ALL_VERSIONS);
        assertThat(tables(session, ks)).containsAll(StrideTables.ALL)
                .contains("schema_version", "schema_lock");
        Map<Integer, AppliedMigration> recorded = MigrationRunner.recorded(session, ks);
        assertThat(recorded.keySet()).containsExactlyElementsOf(ALL_VERSIONS);
        assertThat(recorded.values()).allSatisfy(r -> assertThat(r.success()).isTrue());
        assertThat(recorded.get(1).checksum()).isEqualTo(MigrationLoader.load().get(0).checksum());
        assertThat(session.execute("SELECT id FROM " + ks + ".schema_lock").all()).as("lock released").isEmpty();
    }

    @Test
    void theOutboxForgetsItsDeleteTombstonesAfterAnHour(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");
        MigrationRunner.migrate(session, ks, Replication.simple(1));

        var options = session.prepare("SELECT gc_grace_seconds, compaction FROM system_schema.tables"
                + " WHERE keyspace_name = ? AND table_name = ?");
        Row outbox = session.execute(options.bind(ks, StrideTables.CONTENT_STATE_OUTBOX)).one();
        Row facts = session.execute(options.bind(ks, StrideTables.USER_CONTENT_CONSUMPTION)).one();

        assertThat(outbox.getInt("gc_grace_seconds")).isEqualTo(3600);
        assertThat(outbox.getMap("compaction", String.class, String.class))
                .containsEntry("tombstone_compaction_interval", "3600")
                .containsEntry("unchecked_tombstone_compaction", "true")
                .hasEntrySatisfying("class", c -> assertThat(c).endsWith("SizeTieredCompactionStrategy"));
        assertThat(facts.getInt("gc_grace_seconds")).as("other tables keep Cassandra's default").isEqualTo(864000);
    }

    @Test
    void refusesToRunWhenAnAppliedMigrationsChecksumChanged(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");
        MigrationRunner.migrate(session, ks, Replication.simple(1));
        Migration v1 = MigrationLoader.load().get(0);
        session.execute("UPDATE " + ks + ".schema_version SET checksum = 'tampered' WHERE version = 1");

        assertThatThrownBy(() -> MigrationRunner.migrate(session, ks, Replication.simple(1)))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining(v1.fileName())
                .hasMessageContaining("recorded checksum tampered")
                .hasMessageContaining("current checksum " + v1.checksum())
                .hasMessageContaining("add a new migration instead of editing an applied one");
        assertThat(session.execute("SELECT id FROM " + ks + ".schema_lock").all()).as("lock released").isEmpty();
    }

    @Test
    void writesAndReadsAContentState(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");
        MigrationRunner.migrate(session, ks, Replication.simple(1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // one fact per update request: two requests for one content are two rows, never an overwrite
        var insert = session.prepare("INSERT INTO " + ks + ".user_content_consumption (tenant, user_id, course_id,"
                + " batch_id, content_id, request_id, status, progress, last_access_time, last_completed_time,"
                + " progress_details, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        session.execute(insert.bind("t1", "u1", "c1", "b1", "do_1", "req-1", 1, 40, now, null, "{\"pos\":10}", now));
        session.execute(insert.bind("t1", "u1", "c1", "b1", "do_1", "req-2", 2, 100, now, now, null, now));
        List<Row> rows = session.execute(session.prepare("SELECT request_id, status, progress, last_completed_time"
                        + " FROM " + ks + ".user_content_consumption WHERE tenant = ? AND user_id = ? AND course_id = ?"
                        + " AND batch_id = ? AND content_id = ?")
                .bind("t1", "u1", "c1", "b1", "do_1")).all();

        assertThat(rows).extracting(r -> r.getString("request_id")).containsExactly("req-1", "req-2");
        assertThat(rows.get(1).getInt("status")).isEqualTo(2);
        assertThat(rows.get(1).getInt("progress")).isEqualTo(100);
        assertThat(rows.get(1).getInstant("last_completed_time")).isEqualTo(now);
    }

    @Test
    void concurrentRunnersTakeTurnsAndApplyEachMigrationOnce(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");

        ExecutorService twoThreads = Executors.newFixedThreadPool(2); // the common pool has one thread on 2 cores
        try {
            CompletableFuture<MigrationResult> a = CompletableFuture.supplyAsync(
                    () -> MigrationRunner.migrate(session, ks, Replication.simple(1)), twoThreads);
            CompletableFuture<MigrationResult> b = CompletableFuture.supplyAsync(
                    () -> MigrationRunner.migrate(session, ks, Replication.simple(1)), twoThreads);

            List<Integer> applied = new ArrayList<>(a.join().applied());
            applied.addAll(b.join().applied());
            assertThat(applied).containsExactlyInAnyOrderElementsOf(ALL_VERSIONS);
        } finally {
            twoThreads.shutdownNow();
        }
    }

    @Test
    void aFailedMigrationIsRecordedAndRetriedOnceFixed(StrideStack stack) {
        CqlSession session = stack.session();
        String ks = stack.freshKeyspace("schema");
        Migration good = Migration.of("V001__good.cql", "CREATE TABLE IF NOT EXISTS a (tenant text PRIMARY KEY);");
        Migration broken = Migration.of("V002__broken.cql",
                "CREATE TABLE IF NOT EXISTS b (tenant text PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS c (tenant nosuchtype PRIMARY KEY);");
        Migration fixed = Migration.of("V002__broken.cql",
                "CREATE TABLE IF NOT EXISTS b (tenant text PRIMARY KEY);\nCREATE TABLE IF NOT EXISTS c (tenant text PRIMARY KEY);");

        assertThatThrownBy(() -> MigrationRunner.migrate(session, ks, Replication.simple(1), List.of(good, broken)))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V002__broken.cql").hasMessageContaining("statement 2 of 2");
        assertThat(MigrationRunner.recorded(session, ks).get(2).success()).isFalse();

        MigrationResult retry = MigrationRunner.migrate(session, ks, Replication.simple(1), List.of(good, fixed));
        assertThat(retry.applied()).containsExactly(2);
        assertThat(retry.skipped()).containsExactly(1);
        assertThat(tables(session, ks)).contains("a", "b", "c");
    }

    private static Set<String> tables(CqlSession session, String ks) {
        Set<String> names = new HashSet<>();
        session.execute(session.prepare("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?").bind(ks))
                .forEach(r -> names.add(r.getString("table_name")));
        return names;
    }
}
