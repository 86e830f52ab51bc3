package dev.stride.groupprogress.cache;

/**
 * A value computed from Cassandra, the number of partition reads it took, and a fingerprint of its data (no
 * timestamps of the computation itself) so the TTL advisor can tell whether the data changed since the last time.
 */
public record Computed<T>(T value, int reads, int fingerprint) {
}
