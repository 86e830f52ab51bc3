package dev.stride.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens the delegate verified, keyed by the raw token text, so a client sending the same token again skips
 * the signature check and the claim parsing. Only verified tokens with an {@code exp} enter; an entry is served only
 * while the clock is before its {@code exp} (never longer than {@code maxStay}), after that the delegate decides again.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Duration maxStay;
    private final Cache<String, Jwt> verified;

    public CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, long maxEntries, Duration maxStay) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxStay = maxStay;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                // maintenance on the caller's thread: handing each cleanup to ForkJoinPool costs more than the cleanup
                .executor(Runnable::run)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> stay(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            verified.invalidate(token); // expired (the cache's own timer may lag the clock): the delegate judges it
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
                verified.put(token, jwt);
            }
        });
    }

    /** Entries held now (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Until exp, at most maxStay: a rotated signing key stops being trusted within maxStay. */
    private Duration stay(Jwt jwt) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        Duration stay = untilExpiry.compareTo(maxStay) < 0 ? untilExpiry : maxStay;
        return stay.isNegative() ? Duration.ZERO : stay;
    }

    /**
     * The decoder every Stride API uses: at most 50,000 tokens (~2 KiB each), each for at most 10 minutes and never past
     * its exp. 5,000 states/s is ~500 requests/s, which at one request per learner every half minute is ~15,000 learners:
     * with 10,000 entries half of a 20,000-learner load missed and JWT verification was 7 % of the API's CPU again.
     */
    public static CachingJwtDecoder of(ReactiveJwtDecoder delegate) {
        return new CachingJwtDecoder(delegate, Clock.systemUTC(), 50_000, Duration.ofMinutes(10));
    }
}
