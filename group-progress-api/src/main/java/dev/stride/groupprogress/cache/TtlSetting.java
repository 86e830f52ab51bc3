package dev.stride.groupprogress.cache;

import java.time.Duration;
import java.time.Instant;

/** The cache TTL in force and where it comes from: {@code settings} (the cache_settings row) or {@code default}. */
public record TtlSetting(Duration ttl, Instant updatedAt, String updatedBy, String source) {

    public static final String SETTINGS = "settings";
    public static final String DEFAULT = "default";
}
