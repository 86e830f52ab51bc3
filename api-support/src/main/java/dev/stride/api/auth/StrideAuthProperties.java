package dev.stride.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stride.auth.*}: an HS256 secret (text, or a file holding it) for the local stack, or a JWK set URL in
 * production; the issuer is checked when set.
 */
@ConfigurationProperties("stride.auth")
public record StrideAuthProperties(String jwtSecret, String jwtSecretFile, String jwkSetUri,
                                   @DefaultValue("stride-local") String issuer) {
}
