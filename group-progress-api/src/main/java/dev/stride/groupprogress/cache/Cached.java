package dev.stride.groupprogress.cache;

import tools.jackson.databind.util.RawValue;

import java.time.Instant;

/**
 * A cached answer: when it was computed from Cassandra, how many partition reads that took (each later hit avoids
 * as many), where this copy was loaded from, and whether Redis was unavailable when it was loaded. {@code json} is
 * the value serialised once, so a hit costs a copy of bytes, not a serialisation of thousands of cells.
 */
public record Cached<T>(T value, RawValue json, Instant computedAt, int reads, Layer source, boolean degraded) {
}
