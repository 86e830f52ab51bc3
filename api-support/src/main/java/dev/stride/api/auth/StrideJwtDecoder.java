package dev.stride.api.auth;

import dev.stride.core.ids.Ids;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The token decoder of every Stride API: JWK set URL, else HS256 secret (or secret file); sub and tenant required. */
public final class StrideJwtDecoder {

    private StrideJwtDecoder() {
    }

    public static ReactiveJwtDecoder create(StrideAuthProperties auth) {
        return create(auth, Clock.systemUTC());
    }

    /** As above, exp and nbf judged by {@code clock} (with Spring's default 60 s skew). */
    public static ReactiveJwtDecoder create(StrideAuthProperties auth, Clock clock) {
        NimbusReactiveJwtDecoder decoder;
        if (auth.jwkSetUri() != null && !auth.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
        } else {
            byte[] secret = secret(auth).getBytes(StandardCharsets.UTF_8);
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (auth.issuer() != null && !auth.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(auth.issuer()));
        }
        OAuth2TokenValidator<Jwt> defaults = JwtValidators.createDefaultWithValidators(validators);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(defaults, StrideJwtDecoder::requireSubjectAndTenant));
        // Spring turns iss into a URL by default, and an issuer that is not one (the local stack's "stride-local") threw
        // and caught an exception inside every decode: 2.7 % of the API's CPU on the write bench. Kept as text, which
        // is all JwtIssuerValidator compares.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        return decoder;
    }

    /** Every query is scoped by sub and tenant, so a token without valid ones is not a token here. */
    private static OAuth2TokenValidatorResult requireSubjectAndTenant(Jwt jwt) {
        if (Ids.isValid(jwt.getSubject()) && Ids.isValid(jwt.getClaimAsString("tenant"))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "sub and tenant are required", null));
    }

    private static String secret(StrideAuthProperties auth) {
        if (auth.jwtSecret() != null && !auth.jwtSecret().isBlank()) {
            return auth.jwtSecret();
        }
        if (auth.jwtSecretFile() != null && !auth.jwtSecretFile().isBlank()) {
            try {
                return Files.readString(Path.of(auth.jwtSecretFile())).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stride.auth.jwt-secret-file " + auth.jwtSecretFile(), e);
            }
        }
        throw new IllegalStateException("set stride.auth.jwt-secret (STRIDE_JWT_SECRET), stride.auth.jwt-secret-file"
                + " or stride.auth.jwk-set-uri");
    }
}
