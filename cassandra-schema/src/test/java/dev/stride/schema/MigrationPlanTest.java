package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

    private final Migration v1 = Migration.of("V001__one.cql", "CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY);");
    private final Migration v2 = Migration.of("V002__two.cql", "CREATE TABLE IF NOT EXISTS b (k text PRIMARY KEY);");
    private final Migration v3 = Migration.of("V003__three.cql", "CREATE TABLE IF NOT EXISTS c (k text PRIMARY KEY);");

    private static AppliedMigration applied(Migration m, boolean success) {
        return new AppliedMigration(m.version(), m.description(), m.checksum(), Instant.EPOCH, success);
    }

    @Test
    void everythingIsPendingOnAnEmptyKeyspaceInVersionOrder() {
        MigrationPlan plan = MigrationPlan.of(List.of(v3, v1, v2), Map.of());
        assertThat(plan.pending()).containsExactly(v1, v2, v3);
        assertThat(plan.alreadyApplied()).isEmpty();
    }

    @Test
    void appliedOnesAreSkippedAndFailedOnesRetried() {
        MigrationPlan plan = MigrationPlan.of(List.of(v1, v2, v3),
                Map.of(1, applied(v1, true), 2, applied(v2, false)));
        assertThat(plan.alreadyApplied()).containsExactly(v1);
        assertThat(plan.pending()).containsExactly(v2, v3);
    }

    @Test
    void rerunWithEverythingAppliedDoesNothing() {
        MigrationPlan plan = MigrationPlan.of(List.of(v1, v2),
                Map.of(1, applied(v1, true), 2, applied(v2, true), 7, applied(v3, true)));
        assertThat(plan.pending()).isEmpty();
        assertThat(plan.unknownRecorded()).containsExactly(7);
    }

    @Test
    void refusesAnAppliedMigrationWhoseChecksumChanged() {
        Migration edited = Migration.of("V001__one.cql", v1.text() + "-- an innocent comment\n");
        assertThatThrownBy(() -> MigrationPlan.of(List.of(edited, v2), Map.of(1, applied(v1, true))))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V001__one.cql")
                .hasMessageContaining(v1.checksum())
                .hasMessageContaining(edited.checksum())
                .hasMessageContaining("add a new migration instead of editing an applied one");
    }

    @Test
    void aFailedMigrationMayBeFixedInPlace() {
        Migration fixed = Migration.of("V001__one.cql", "CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY, v int);");
        assertThat(MigrationPlan.of(List.of(fixed), Map.of(1, applied(v1, false))).pending()).containsExactly(fixed);
    }

    @Test
    void lineEndingsAloneDoNotCountAsAnEdit() {
        Migration crlf = Migration.of("V001__one.cql", v1.text().replace("\n", "\r\n"));
        assertThat(MigrationPlan.of(List.of(crlf), Map.of(1, applied(v1, true))).alreadyApplied()).hasSize(1);
    }
}
