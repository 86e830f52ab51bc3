package dev.stride.groupprogress.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Suggests a cache TTL from what this instance observed since it started, per group key:
 * R = reads per second, U = changes per second (a recomputation whose data differs from the previous one),
 * C = partition reads per computation. Per key and second, a TTL costs C / TTL Cassandra reads and serves
 * R · U · TTL / 2 stale updates (each read misses U · TTL / 2 on average); the sum is smallest at
 * <pre>TTL* = sqrt(2 · C / (R · U))</pre>
 * clamped to [5 s, 1 h]. U is seen only at recomputations (at most one change per TTL), so it is a lower bound
 * when data changes faster than the TTL: apply the advice, wait, and ask again.
 */
@Component
public class TtlAdvisor {

    static final Duration MIN = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofHours(1);

    /** The advice and the observations behind it. */
    public record Advice(String current, String suggested, double readsPerSecondPerKey, double changesPerSecondPerKey,
                         double readsPerComputation, long keys, long observedSeconds, String formula, String note) {
    }

    private final Clock clock;
    private final Instant started;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder computations = new LongAdder();
    private final LongAdder partitionReads = new LongAdder();
    private final LongAdder changes = new LongAdder();
    private final Cache<String, Integer> fingerprints = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1)).build();

    public TtlAdvisor(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    void lookedUp() {
        lookups.increment();
    }

    void computed(String key, Computed<?> c) {
        computations.increment();
        partitionReads.add(c.reads());
        Integer previous = fingerprints.asMap().put(key, c.fingerprint());
        if (previous != null && previous != c.fingerprint()) {
            changes.increment();
        }
    }

    public Advice advise(Duration current) {
        long seconds = Math.max(1, Duration.between(started, clock.instant()).toSeconds());
        long keys = Math.max(1, fingerprints.estimatedSize());
        double r = lookups.sum() / (double) seconds / keys;
        double u = changes.sum() / (double) seconds / keys;
        double c = computations.sum() == 0 ? 0 : partitionReads.sum() / (double) computations.sum();
        String formula = "TTL = sqrt(2 * C / (R * U)), clamped to [PT5S, PT1H]";
        if (lookups.sum() == 0 || computations.sum() == 0) {
            return new Advice(current.toString(), current.toString(), r, u, c, keys, seconds, formula,
                    "no group reads observed yet: keep the current TTL");
        }
        if (changes.sum() == 0) {
            return new Advice(current.toString(), MAX.toString(), r, u, c, keys, seconds, formula,
                    "no data change observed: the longest advised TTL");
        }
        long ttl = Math.round(Math.sqrt(2 * c / (r * u)));
        Duration suggested = Duration.ofSeconds(Math.max(MIN.toSeconds(), Math.min(MAX.toSeconds(), ttl)));
        return new Advice(current.toString(), suggested.toString(), r, u, c, keys, seconds, formula,
                "changes are seen only at recomputations: U is a lower bound when data changes faster than the TTL");
    }
}
