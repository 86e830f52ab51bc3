package dev.stride.schema;

import java.time.Instant;

/** A row of {@code schema_version}: what a runner recorded for one version. */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt, boolean success) {
}
