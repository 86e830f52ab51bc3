package dev.stride.groupprogress.cache;

import dev.stride.core.validation.FieldError;
import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.api.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Redis TTL of the group caches, changed at run time by ops ({@code PUT /admin/cache/ttl}). The value lives in
 * cache_settings, so it survives restarts and every instance picks it up within {@code stride.cache.settings-poll}.
 */
@Component
public class CacheTtl {

    public static final Duration MAX = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(CacheTtl.class);

    private final CacheSettingsRepository settings;
    private final String scope;
    private final TtlSetting fallback;
    private final Clock clock;
    private final AtomicReference<TtlSetting> current;

    public CacheTtl(CacheSettingsRepository settings, StrideProperties props, Clock clock) {
        this.settings = settings;
        this.scope = props.cache().scope();
        this.clock = clock;
        this.fallback = new TtlSetting(props.cache().defaultTtl(), null, null, TtlSetting.DEFAULT);
        // Startup is not on an event loop: the first request already uses the persisted value.
        this.current = new AtomicReference<>(settings.find(scope).defaultIfEmpty(fallback).block(Duration.ofSeconds(30)));
    }

    public Duration ttl() {
        return current.get().ttl();
    }

    public TtlSetting setting() {
        return current.get();
    }

    @Scheduled(fixedDelayString = "${stride.cache.settings-poll:PT2S}", initialDelayString = "${stride.cache.settings-poll:PT2S}")
    void poll() {
        settings.find(scope).defaultIfEmpty(fallback).subscribe(this::apply,
                e -> log.warn("cannot read the cache TTL from cache_settings, keeping {}: {}", ttl(), e.toString()));
    }

    public Mono<TtlSetting> update(Duration ttl, String by) {
        TtlSetting next = new TtlSetting(ttl, clock.instant(), by, TtlSetting.SETTINGS);
        return settings.save(scope, next).then(Mono.fromCallable(() -> {
            apply(next);
            return next;
        }));
    }

    private void apply(TtlSetting next) {
        TtlSetting was = current.getAndSet(next);
        if (!was.ttl().equals(next.ttl())) {
            log.info("group progress cache TTL {} -> {} ({} by {})", was.ttl(), next.ttl(), next.source(), next.updatedBy());
        }
    }

    /** An ISO-8601 duration of whole seconds in (0, 1 day], or 400 naming {@code ttl}. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(List.of(new FieldError("ttl", "is required")));
        }
        Duration d;
        try {
            d = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(List.of(new FieldError("ttl", "must be an ISO-8601 duration such as PT60S: " + text)));
        }
        if (d.isNegative() || d.isZero()) {
            throw ApiException.invalid(List.of(new FieldError("ttl", "must be positive: " + text)));
        }
        if (d.compareTo(MAX) > 0) {
            throw ApiException.invalid(List.of(new FieldError("ttl", "must be at most PT24H (one day): " + text)));
        }
        if (d.getNano() != 0) {
            throw ApiException.invalid(List.of(new FieldError("ttl", "must be whole seconds: " + text)));
        }
        return d;
    }
}
