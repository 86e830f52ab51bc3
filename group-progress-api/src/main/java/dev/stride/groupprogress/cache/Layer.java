package dev.stride.groupprogress.cache;

import java.util.Locale;

/** Where an answer came from: the in-process copy, Redis, or a fresh computation from Cassandra. */
public enum Layer {
    NEAR, REDIS, CASSANDRA;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
