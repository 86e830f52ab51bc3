package dev.stride.schema;

import java.util.List;

/**
 * What one {@link MigrationRunner#migrate} call did.
 *
 * @param keyspace the keyspace migrated
 * @param applied  versions applied by this call, in order
 * @param skipped  versions found already applied (checksum verified)
 */
public record MigrationResult(String keyspace, List<Integer> applied, List<Integer> skipped) {

    public MigrationResult {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
    }

    public boolean changedSchema() {
        return !applied.isEmpty();
    }
}
