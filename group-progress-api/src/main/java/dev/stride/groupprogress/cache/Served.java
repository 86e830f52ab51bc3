package dev.stride.groupprogress.cache;

import java.time.Duration;

/** What a request got: the value, the layer that answered, its age, and whether the cache was degraded. */
public record Served<T>(T value, Layer layer, Duration age, boolean degraded) {
}
