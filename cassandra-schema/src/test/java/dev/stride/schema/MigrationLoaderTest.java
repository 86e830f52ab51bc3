package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationLoaderTest {

    private final ClassLoader cl = getClass().getClassLoader();

    @Test
    void loadsTheIndexedFilesSortedByVersion() {
        List<Migration> migrations = MigrationLoader.load(cl, "db/test-migration");
        assertThat(migrations).extracting(Migration::version).containsExactly(2, 10);
        assertThat(migrations).extracting(Migration::description).containsExactly("first step", "second step");
        Migration first = migrations.get(0);
        assertThat(first.text()).doesNotContain("\r"); // the file has CRLF line endings
        assertThat(first.checksum()).isEqualTo(CqlScript.checksum(first.text().replace("\n", "\r\n")));
        assertThat(first.statements()).hasSize(2);
        assertThat(migrations.get(1).statements())
                .containsExactly("INSERT INTO a (tenant, id) VALUES ('t;1', 'it''s; fine')");
    }

    @Test
    void parsesTheIndexSkippingCommentsAndBlankLines() {
        assertThat(MigrationLoader.parseIndex("# c\r\n V001__a.cql \n\n#V002__b.cql\nV003__c.cql"))
                .containsExactly("V001__a.cql", "V003__c.cql");
    }

    @Test
    void refusesTwoFilesWithTheSameVersion() {
        assertThatThrownBy(() -> MigrationLoader.load(cl, "db/test-duplicate"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("version 1").hasMessageContaining("V001__one.cql")
                .hasMessageContaining("V1__one_again.cql");
    }

    @Test
    void refusesAListedFileThatIsMissingAndAMissingIndex() {
        assertThatThrownBy(() -> MigrationLoader.load(cl, "db/test-missing"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("db/test-missing/V001__absent.cql");
        assertThatThrownBy(() -> MigrationLoader.load(cl, "db/nowhere"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("db/nowhere/index.txt");
    }

    @Test
    void parsesFileNames() {
        Migration m = Migration.of("V042__add_certificates.cql", "SELECT 1;");
        assertThat(m.version()).isEqualTo(42);
        assertThat(m.description()).isEqualTo("add certificates");
        assertThat(m.fileName()).isEqualTo("V042__add_certificates.cql");
        for (String bad : List.of("V1_single_underscore.cql", "001__no_v.cql", "V001__x.sql", "V__x.cql")) {
            assertThatThrownBy(() -> Migration.of(bad, "")).isInstanceOf(MigrationException.class)
                    .hasMessageContaining(bad);
        }
    }
}
