package dev.stride.groupprogress.cache;

import dev.stride.groupprogress.config.StrideProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Redis through Redisson's async API, never failing its caller: a failed or slow command reads as "unavailable",
 * after which Redis is skipped for {@link #BACKOFF} so degraded answers come straight from Cassandra without
 * waiting on a dead server each time. The state change is logged once each way; {@code stride.cache.redis.up} shows it.
 */
@Component
public class RedisLayer {

    static final Duration BACKOFF = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RedisLayer.class);

    /** The outcome of one read: a value, a miss, or Redis unavailable. */
    public record Read(byte[] value, boolean failed) {
        static final Read MISS = new Read(null, false);
        static final Read FAILED = new Read(null, true);
    }

    private final RedissonClient redis;
    private final Duration timeout;
    private final String prefix;
    private final Clock clock;
    private final AtomicReference<Instant> downUntil = new AtomicReference<>(Instant.MIN);

    public RedisLayer(RedissonClient redis, StrideProperties props, MeterRegistry meters, Clock clock) {
        this.redis = redis;
        this.timeout = props.redis().timeout();
        this.prefix = props.redis().keyPrefix();
        this.clock = clock;
        Gauge.builder("stride.cache.redis.up", this, r -> r.available() ? 1 : 0)
                .description("1 while Redis answers, 0 while the cache is degraded to Cassandra").register(meters);
    }

    public boolean available() {
        return clock.instant().isAfter(downUntil.get());
    }

    public Mono<Read> get(String key) {
        if (!available()) {
            return Mono.just(Read.FAILED);
        }
        return Mono.fromCompletionStage(() -> redis.<byte[]>getBucket(prefix + key, ByteArrayCodec.INSTANCE).getAsync())
                .timeout(timeout)
                .map(v -> new Read(v, false))
                .defaultIfEmpty(Read.MISS)
                .doOnNext(r -> up())
                .onErrorResume(e -> {
                    down(e);
                    return Mono.just(Read.FAILED);
                });
    }

    /** Fire and forget: the caller already has its answer; a failure only marks Redis down. */
    public void set(String key, byte[] value, Duration ttl) {
        if (!available()) {
            return;
        }
        Mono.fromCompletionStage(() -> redis.<byte[]>getBucket(prefix + key, ByteArrayCodec.INSTANCE).setAsync(value, ttl))
                .timeout(timeout)
                .subscribe(v -> { }, this::down);
    }

    public Mono<Void> delete(String... keys) {
        String[] full = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            full[i] = prefix + keys[i];
        }
        return Mono.fromCompletionStage(() -> redis.getKeys().deleteAsync(full))
                .timeout(timeout)
                .onErrorResume(e -> {
                    down(e);
                    return Mono.empty();
                })
                .then();
    }

    private void up() {
        Instant was = downUntil.getAndSet(Instant.MIN);
        if (!Instant.MIN.equals(was)) {
            log.info("Redis answers again: group progress cache back to normal");
        }
    }

    private void down(Throwable e) {
        Instant was = downUntil.getAndSet(clock.instant().plus(BACKOFF));
        if (Instant.MIN.equals(was)) {
            log.warn("Redis unavailable ({}): answering from Cassandra, degraded; retrying Redis every {} s",
                    e.toString(), BACKOFF.toSeconds());
        }
    }
}
