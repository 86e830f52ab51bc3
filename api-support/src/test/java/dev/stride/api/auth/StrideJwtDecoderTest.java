package dev.stride.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrideJwtDecoderTest {

    static final String SECRET = "test-secret-of-at-least-thirty-two-bytes-for-hs256";

    @Test
    void anHs256TokenWithSubjectAndTenantIsAccepted() {
        ReactiveJwtDecoder decoder = StrideJwtDecoder.create(new StrideAuthProperties(SECRET, null, null, "stride-local"));

        assertThat(decoder.decode(token(SECRET, "stride-local", "u1", "acme")).block().getSubject()).isEqualTo("u1");
    }

    @Test
    void aTokenWithoutTenantOrSignedWithAnotherSecretOrFromAnotherIssuerIsRefused() {
        ReactiveJwtDecoder decoder = StrideJwtDecoder.create(new StrideAuthProperties(SECRET, null, null, "stride-local"));

        assertThatThrownBy(() -> decoder.decode(token(SECRET, "stride-local", "u1", null)).block())
                .isInstanceOf(JwtException.class).hasMessageContaining("sub and tenant are required");
        assertThatThrownBy(() -> decoder.decode(token(SECRET.replace('t', 'x'), "stride-local", "u1", "acme")).block())
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(SECRET, "elsewhere", "u1", "acme")).block())
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anIssuerKeptAsTextIsStillCheckedWhetherOrNotItIsAUrl() {
        String idp = "https://idp.example/realms/school";
        ReactiveJwtDecoder decoder = StrideJwtDecoder.create(new StrideAuthProperties(SECRET, null, null, idp));

        // the decoder's own iss converter (no URL parsing, see StrideJwtDecoder) must leave the claim comparable
        assertThat(decoder.decode(token(SECRET, idp, "u1", "acme")).block().getClaims().get("iss")).isEqualTo(idp);
        assertThatThrownBy(() -> decoder.decode(token(SECRET, idp + "/other", "u1", "acme")).block())
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aBlankIssuerIsNotChecked() {
        ReactiveJwtDecoder decoder = StrideJwtDecoder.create(new StrideAuthProperties(SECRET, null, null, ""));

        assertThat(decoder.decode(token(SECRET, "elsewhere", "u1", "acme")).block().getSubject()).isEqualTo("u1");
    }

    @Test
    void theSecretMayComeFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("jwt-secret"), SECRET + "\n");
        ReactiveJwtDecoder decoder = StrideJwtDecoder.create(new StrideAuthProperties(" ", file.toString(), "", "stride-local"));

        assertThat(decoder.decode(token(SECRET, "stride-local", "u1", "acme")).block().getClaimAsString("tenant"))
                .isEqualTo("acme");
        assertThatThrownBy(() -> StrideJwtDecoder.create(
                new StrideAuthProperties(null, dir.resolve("missing").toString(), null, "stride-local")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("stride.auth.jwt-secret-file");
    }

    @Test
    void withoutSecretOrJwkSetTheServiceDoesNotStart() {
        assertThatThrownBy(() -> StrideJwtDecoder.create(new StrideAuthProperties(null, null, null, "stride-local")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIDE_JWT_SECRET");
    }

    static String token(String secret, String issuer, String subject, String tenant) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
