package dev.stride.groupprogress.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.stride.groupprogress.config.StrideProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Read-through cache of answers computed from Cassandra: a size-bounded in-process Caffeine copy (near) in front of
 * Redis (shared by every instance, TTL from {@link CacheTtl}).
 *
 * <p><b>Freshness promise.</b> Every answer reflects the Cassandra tables as they were at most TTL ago (TTL =
 * {@code GET /admin/cache/ttl}, default 60 s), give or take the one computation's own duration: a Redis entry older
 * than the TTL in force is ignored, and a near copy lives at most {@code min(near-ttl, TTL - its age)}. A membership
 * change evicts the group's entries in Redis and in this instance at once; other instances' near copies follow
 * within near-ttl (default 5 s). Each answer carries its age ({@code X-Stride-Cache-Age}). How far the tables
 * trail the learners' updates is the aggregator's lag, on top of this.
 *
 * <p><b>Single flight.</b> Concurrent misses of one key in one instance share one load (Caffeine's async
 * {@code get}): 100 concurrent requests cause one Redis read and at most one computation. Across N instances at most
 * N computations per key per TTL.
 *
 * <p><b>Redis down.</b> Answers are computed from Cassandra and kept near for near-ttl; never an error (see
 * {@link RedisLayer}).
 */
public final class TwoLayerCache<T> {

    private static final Logger log = LoggerFactory.getLogger(TwoLayerCache.class);

    private final AsyncCache<String, Cached<T>> near;
    private final RedisLayer redis;
    private final CacheTtl ttl;
    private final TtlAdvisor advisor;
    private final CacheMetrics metrics;
    private final JsonMapper mapper;
    private final Class<T> type;
    private final Clock clock;

    public TwoLayerCache(String name, Class<T> type, StrideProperties props, RedisLayer redis, CacheTtl ttl,
                         TtlAdvisor advisor, MeterRegistry meters, JsonMapper mapper, Clock clock) {
        this.redis = redis;
        this.advisor = advisor;
        this.ttl = ttl;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = new CacheMetrics(meters, name);
        this.type = type;
        Duration nearTtl = props.cache().nearTtl();
        this.near = Caffeine.newBuilder()
                .maximumSize(props.cache().nearMaxEntries())
                .expireAfter(Expiry.<String, Cached<T>>writing((k, v) -> nearLife(v, nearTtl)))
                .buildAsync();
    }

    /** The cached answer for {@code key}, or {@code compute}'s (subscribed at most once per concurrent miss). */
    public Mono<Served<T>> get(String key, Supplier<Mono<Computed<T>>> compute) {
        advisor.lookedUp();
        AtomicBoolean loadedHere = new AtomicBoolean();
        CompletableFuture<Cached<T>> future = near.get(key, (k, executor) -> {
            loadedHere.set(true); // Caffeine runs this in the calling thread, only for the caller that missed
            return load(k, compute).toFuture();
        });
        // suppressCancel: a client that hangs up must not cancel the load other callers are waiting for.
        return Mono.fromFuture(future, true).map(c -> serve(c, loadedHere.get()));
    }

    /** Drops the keys here and in Redis (the other instances' near copies expire within near-ttl). */
    public Mono<Void> evict(String... keys) {
        near.synchronous().invalidateAll(java.util.List.of(keys));
        return redis.delete(keys);
    }

    private Served<T> serve(Cached<T> c, boolean loadedHere) {
        Layer layer = loadedHere ? c.source() : Layer.NEAR;
        if (!loadedHere) {
            metrics.hit(Layer.NEAR, c.reads());
        }
        Duration age = Duration.between(c.computedAt(), clock.instant());
        metrics.served(layer, age);
        return new Served<>(c.value(), c.bytes(), layer, age, c.degraded());
    }

    private Mono<Cached<T>> load(String key, Supplier<Mono<Computed<T>>> compute) {
        metrics.miss(Layer.NEAR);
        return redis.get(key).flatMap(read -> {
            Cached<T> fromRedis = decode(read.value());
            if (fromRedis != null) {
                metrics.hit(Layer.REDIS, fromRedis.reads());
                return Mono.just(fromRedis);
            }
            if (!read.failed()) {
                metrics.miss(Layer.REDIS);
            }
            return compute.get().map(computed -> {
                metrics.computed(read.failed());
                advisor.computed(key, computed);
                Instant now = clock.instant();
                AnswerBytes bytes = AnswerBytes.of(mapper.writeValueAsBytes(computed.value()));
                if (!read.failed()) {
                    redis.set(key, new StoredEntry(now, computed.reads(), bytes).encode(), ttl.ttl());
                }
                return new Cached<>(computed.value(), bytes, now, computed.reads(), Layer.CASSANDRA, read.failed());
            });
        });
    }

    /** The Redis entry if it is readable and younger than the TTL in force (the TTL may have been lowered). */
    private Cached<T> decode(byte[] raw) {
        if (raw == null) {
            return null;
        }
        StoredEntry s = StoredEntry.decode(raw);
        if (s == null) {
            log.debug("ignoring an unreadable cache entry (written by another release?)");
            return null;
        }
        if (Duration.between(s.computedAt(), clock.instant()).compareTo(ttl.ttl()) >= 0) {
            return null;
        }
        try { // the value itself is needed for the access check; its bytes are served as stored
            T value = mapper.readValue(s.bytes().json(), type);
            return new Cached<>(value, s.bytes(), s.computedAt(), s.reads(), Layer.REDIS, false);
        } catch (JacksonException e) {
            log.debug("ignoring an unreadable cache entry (written by another release?): {}", e.getOriginalMessage());
            return null;
        }
    }

    private Duration nearLife(Cached<T> c, Duration nearTtl) {
        Duration left = ttl.ttl().minus(Duration.between(c.computedAt(), clock.instant()));
        Duration life = left.compareTo(nearTtl) < 0 ? left : nearTtl;
        return life.isNegative() || life.isZero() ? Duration.ofNanos(1) : life;
    }
}
