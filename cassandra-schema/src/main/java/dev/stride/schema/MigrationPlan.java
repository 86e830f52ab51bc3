package dev.stride.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run has to do, decided without a database: pending migrations in order, the ones already applied, and
 * versions recorded in {@code schema_version} that this code does not know (a newer release migrated the keyspace).
 */
public record MigrationPlan(List<Migration> pending, List<Migration> alreadyApplied, Set<Integer> unknownRecorded) {

    public MigrationPlan {
        pending = List.copyOf(pending);
        alreadyApplied = List.copyOf(alreadyApplied);
        unknownRecorded = Set.copyOf(unknownRecorded);
    }

    /**
     * A migration recorded with {@code success = true} is skipped if its checksum matches and refused if not; one
     * recorded as failed (or not recorded) is pending: its statements are all IF NOT EXISTS, so it is re-run whole.
     *
     * @throws MigrationException if an applied migration's file changed since it was applied
     */
    public static MigrationPlan of(List<Migration> available, Map<Integer, AppliedMigration> recorded) {
        List<Migration> sorted = MigrationLoader.sortAndCheck(available);
        List<Migration> pending = new ArrayList<>();
        List<Migration> applied = new ArrayList<>();
        for (Migration m : sorted) {
            AppliedMigration r = recorded.get(m.version());
            if (r == null || !r.success()) {
                pending.add(m);
            } else if (!m.checksum().equals(r.checksum())) {
                throw checksumChanged(m, r);
            } else {
                applied.add(m);
            }
        }
        Set<Integer> unknown = new TreeSet<>(recorded.keySet());
        sorted.forEach(m -> unknown.remove(m.version()));
        return new MigrationPlan(pending, applied, unknown);
    }

    static MigrationException checksumChanged(Migration m, AppliedMigration r) {
        return new MigrationException("migration " + m.fileName() + " (version " + m.version()
                + ") was changed after it was applied: recorded checksum " + r.checksum()
                + ", current checksum " + m.checksum() + ". Restore the applied file and add a new migration "
                + "instead of editing an applied one.");
    }
}
