package dev.stride.groupprogress.cache;

import java.time.Duration;

/** What a request got: the value (and its JSON bytes, plain and deflated, to answer with), the layer that answered, its age, and whether the cache was degraded. */
public record Served<T>(T value, AnswerBytes bytes, Layer layer, Duration age, boolean degraded) {
}
