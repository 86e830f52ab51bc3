package dev.stride.groupprogress.cache;

import java.time.Instant;

/**
 * A cached answer: when it was computed from Cassandra, how many partition reads that took (each later hit avoids
 * as many), where this copy was loaded from, and whether Redis was unavailable when it was loaded. {@code bytes} is
 * the value serialised (and deflated) once per fill, so a hit writes bytes: no serialisation, no compression.
 */
public record Cached<T>(T value, AnswerBytes bytes, Instant computedAt, int reads, Layer source, boolean degraded) {
}
