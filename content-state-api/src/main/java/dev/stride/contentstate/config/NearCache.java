package dev.stride.contentstate.config;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A small in-process cache of Cassandra lookups on the write path. Only found values are kept (an
 * empty lookup completes with null, which Caffeine does not store), so a row created a moment ago
 * is never hidden by an earlier miss.
 */
public final class NearCache<K, V> {
    private final AsyncCache<K, V> cache;

    public NearCache(Duration ttl, long maxEntries) {
        this.cache = Caffeine.newBuilder()
                // maintenance on the caller's thread: handing each cleanup to ForkJoinPool costs more than the cleanup
                .executor(Runnable::run)
                .expireAfterWrite(ttl).maximumSize(maxEntries).buildAsync();
    }

    public Mono<V> get(K key, Function<K, Mono<V>> lookup) {
        return Mono.fromFuture(() -> cache.get(key, (k, executor) -> lookup.apply(k).toFuture()));
    }

    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }
}
