package dev.stride.groupprogress.cache;

import tools.jackson.databind.util.RawValue;

import java.time.Duration;

/** What a request got: the value (and its JSON, to answer with), the layer that answered, its age, and whether the cache was degraded. */
public record Served<T>(T value, RawValue json, Layer layer, Duration age, boolean degraded) {
}
