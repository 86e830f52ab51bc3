package dev.stride.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    static final String SECRET = StrideJwtDecoderTest.SECRET;
    static final StrideAuthProperties AUTH = new StrideAuthProperties(SECRET, null, null, "stride-local");
    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    /** A clock the test moves; the real decoder and the cache both read it. */
    static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The real HS256 decoder, counting how often it is asked. */
    static final class Counting implements ReactiveJwtDecoder {
        final ReactiveJwtDecoder real;
        final AtomicInteger calls = new AtomicInteger();

        Counting(Clock clock) {
            this.real = StrideJwtDecoder.create(AUTH, clock);
        }

        @Override
        public Mono<Jwt> decode(String token) {
            calls.incrementAndGet();
            return real.decode(token);
        }
    }

    @Test
    void aVerifiedTokenIsDecodedOnceThenServedFromTheCacheUntilItsExp() {
        MovableClock clock = new MovableClock();
        Counting delegate = new Counting(clock);
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100, Duration.ofMinutes(10));
        String token = token(SECRET, "u1", "acme", T0.plusSeconds(120));

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("u1");
        assertThat(decoder.decode(token).block().getClaimAsString("tenant")).isEqualTo("acme");
        assertThat(delegate.calls).hasValue(1);

        clock.now = T0.plusSeconds(120); // at exp the cache no longer answers; the decoder judges (its 60 s skew)
        decoder.decode(token).block();
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void anExpiredCachedTokenIsRejected() {
        MovableClock clock = new MovableClock();
        Counting delegate = new Counting(clock);
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100, Duration.ofMinutes(10));
        String token = token(SECRET, "u1", "acme", T0.plusSeconds(30));
        decoder.decode(token).block();
        assertThat(decoder.size()).isEqualTo(1);

        clock.now = T0.plusSeconds(30 + 61); // past exp and the decoder's 60 s skew

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aForgedTokenNeverEntersTheCache() {
        MovableClock clock = new MovableClock();
        Counting delegate = new Counting(clock);
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100, Duration.ofMinutes(10));
        String genuine = token(SECRET, "u1", "acme", T0.plusSeconds(600));
        decoder.decode(genuine).block();
        // same header and claims, another key's signature; then the genuine claims with the forged signature
        String forged = token(SECRET.replace('t', 'x'), "u1", "acme", T0.plusSeconds(600));
        String spliced = genuine.substring(0, genuine.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(spliced).block()).isInstanceOf(JwtException.class);
        }
        assertThat(delegate.calls).hasValue(5);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutExpIsVerifiedEveryTime() {
        MovableClock clock = new MovableClock();
        Counting delegate = new Counting(clock);
        CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, clock, 100, Duration.ofMinutes(10));
        String token = token(SECRET, "u1", "acme", null);

        decoder.decode(token).block();
        decoder.decode(token).block();

        assertThat(delegate.calls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    static String token(String secret, String subject, String tenant, Instant exp) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("stride-local").subject(subject)
                .issueTime(Date.from(T0.minusSeconds(60))).claim("tenant", tenant);
        if (exp != null) {
            claims.expirationTime(Date.from(exp));
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSharedDecoderKeepsTheTokensOfTwentyThousandLearners() {
        AtomicInteger calls = new AtomicInteger();
        Instant exp = Instant.now().plus(Duration.ofHours(1));
        CachingJwtDecoder decoder = CachingJwtDecoder.of(token -> {
            calls.incrementAndGet();
            return Mono.just(Jwt.withTokenValue(token).header("alg", "HS256").subject(token).expiresAt(exp).build());
        });
        int learners = 20_000; // the API bench's load: one token each, all in use within a minute
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < learners; i++) {
                assertThat(decoder.decode("token-" + i).block().getSubject()).isEqualTo("token-" + i);
            }
        }
        assertThat(calls).hasValue(learners);
        assertThat(decoder.size()).isEqualTo(learners);
    }
}
