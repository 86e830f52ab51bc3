package dev.stride.groupprogress.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The meters of one cache (tag {@code cache}): lookups and hit ratio per layer, computations, Cassandra partition
 * reads avoided by hits, age of the entries served, answers given while Redis was unavailable.
 */
public final class CacheMetrics {

    private final Map<Layer, LongAdder> hits = new EnumMap<>(Layer.class);
    private final Map<Layer, LongAdder> misses = new EnumMap<>(Layer.class);
    private final Counter computations;
    private final Counter readsAvoided;
    private final Counter degraded;
    private final Map<Layer, DistributionSummary> age = new EnumMap<>(Layer.class);

    public CacheMetrics(MeterRegistry meters, String cache) {
        for (Layer layer : new Layer[]{Layer.NEAR, Layer.REDIS}) {
            LongAdder hit = new LongAdder();
            LongAdder miss = new LongAdder();
            hits.put(layer, hit);
            misses.put(layer, miss);
            FunctionCounter.builder("stride.cache.lookups", hit, LongAdder::sum).tags("cache", cache, "layer", layer.tag(),
                    "result", "hit").register(meters);
            FunctionCounter.builder("stride.cache.lookups", miss, LongAdder::sum).tags("cache", cache, "layer", layer.tag(),
                    "result", "miss").register(meters);
            Gauge.builder("stride.cache.hit.ratio", () -> ratio(hit.sum(), miss.sum())).tags("cache", cache,
                    "layer", layer.tag()).description("hits / lookups of this layer since start").register(meters);
        }
        for (Layer layer : Layer.values()) {
            age.put(layer, DistributionSummary.builder("stride.cache.served.age").baseUnit("seconds")
                    .tags("cache", cache, "layer", layer.tag()).publishPercentiles(0.5, 0.99)
                    .description("age of the answers served (now - computedAt)").register(meters));
        }
        this.computations = Counter.builder("stride.cache.computations").tag("cache", cache)
                .description("answers computed from Cassandra").register(meters);
        this.readsAvoided = Counter.builder("stride.cache.cassandra.reads.avoided").tag("cache", cache)
                .description("Cassandra partition reads that cache hits saved").register(meters);
        this.degraded = Counter.builder("stride.cache.degraded").tag("cache", cache)
                .description("answers computed from Cassandra because Redis was unavailable").register(meters);
    }

    void hit(Layer layer, int readsSaved) {
        hits.get(layer).increment();
        readsAvoided.increment(readsSaved);
    }

    void miss(Layer layer) {
        misses.get(layer).increment();
    }

    void computed(boolean redisUnavailable) {
        computations.increment();
        if (redisUnavailable) {
            degraded.increment();
        }
    }

    void served(Layer layer, Duration entryAge) {
        age.get(layer).record(entryAge.toMillis() / 1000.0);
    }

    private static double ratio(long hit, long miss) {
        long all = hit + miss;
        return all == 0 ? 0 : (double) hit / all;
    }
}
