package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the real migrations in src/main/resources/db/migration against the schema rules of DESIGN.md. */
class SchemaMigrationsTest {

    private final List<Migration> migrations = MigrationLoader.load();
    private final List<CqlTables> tables = CqlTables.of(migrations);

    @Test
    void theIndexListsEveryMigrationFile() throws IOException {
        Path dir = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cql"))
                    .collect(Collectors.toSet());
            assertThat(migrations).extracting(Migration::fileName).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void versionsStartAtOneAndHaveNoGaps() {
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).version()).as(migrations.get(i).fileName()).isEqualTo(i + 1);
        }
    }

    @Test
    void createsExactlyTheExpectedTablesOnce() {
        assertThat(tables).extracting(CqlTables::name).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(StrideTables.ALL);
    }

    @Test
    void everyStatementIsReplayableAndNamesNoKeyspace() {
        for (Migration m : migrations) {
            for (String s : m.statements()) {
                if (s.regionMatches(true, 0, "ALTER TABLE ", 0, 12)) {
                    // a table-options change (ALTER TABLE t WITH ...) sets the same options again on a replay
                    assertThat(s).as(m.fileName()).matches("(?is)ALTER TABLE [a-z][a-z0-9_]* WITH .*");
                } else {
                    assertThat(s).as(m.fileName()).startsWithIgnoringCase("CREATE ").containsIgnoringCase("IF NOT EXISTS");
                }
                assertThat(s).as(m.fileName()).doesNotContainIgnoringCase("keyspace").doesNotContain("USE ");
            }
        }
        for (CqlTables t : tables) {
            assertThat(t.ifNotExists()).as(t.name()).isTrue();
            assertThat(t.name()).as("table names are unqualified snake_case").matches("[a-z][a-z0-9_]*");
        }
    }

    @Test
    void tenantIsInEveryPartitionKey() {
        Map<String, List<String>> keys = tables.stream().collect(Collectors.toMap(CqlTables::name,
                CqlTables::partitionKey));
        keys.forEach((table, key) -> {
            if (!table.equals("cache_settings")) { // a deployment-wide knob, not tenant data
                assertThat(key).as(table).startsWith("tenant");
            }
        });
        assertThat(keys.get("user_content_consumption")).containsExactly("tenant", "user_id", "course_id", "batch_id");
        assertThat(keys.get("user_activity_agg")).containsExactly("tenant", "activity_type", "activity_id", "user_id");
        assertThat(keys.get("enrolments_by_batch")).containsExactly("tenant", "course_id", "batch_id");
        assertThat(keys.get("cache_settings")).containsExactly("scope");
    }

    @Test
    void everyTableSaysWhichQueryItServes() {
        for (Migration m : migrations) {
            String[] lines = m.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("CREATE TABLE")) {
                    int j = i - 1;
                    while (j >= 0 && lines[j].startsWith("--") && !lines[j].startsWith("-- Q:")) {
                        j--;
                    }
                    assertThat(j >= 0 && lines[j].startsWith("-- Q:")).as(m.fileName() + ": " + lines[i]).isTrue();
                }
            }
        }
    }
}
