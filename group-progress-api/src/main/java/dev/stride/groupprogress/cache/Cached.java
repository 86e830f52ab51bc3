package dev.stride.groupprogress.cache;

import java.time.Instant;

/**
 * A cached answer: when it was computed from Cassandra, how many partition reads that took (each later hit avoids
 * as many), where this copy was loaded from, and whether Redis was unavailable when it was loaded.
 */
public record Cached<T>(T value, Instant computedAt, int reads, Layer source, boolean degraded) {
}
