package dev.stride.groupprogress.auth;

import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.groupprogress.web.ApiException;
import dev.stride.groupprogress.web.EnvelopeWriter;
import dev.stride.core.ids.Ids;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stateless bearer-token auth; 401 and 403 answer with the Sunbird envelope. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, EnvelopeWriter writer) {
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) -> writer.write(exchange,
                ApiException.unauthorized("Authorization must be a valid, unexpired bearer token"));
        ServerAccessDeniedHandler denied = (exchange, e) -> writer.write(exchange,
                ApiException.forbidden("the token does not allow this operation"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder))
                        .authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .build();
    }

    /** URLs the firewall refuses (encoded %, //, ...) get the envelope too, not a bare 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedUrls(EnvelopeWriter writer) {
        return (exchange, e) -> writer.write(exchange, ApiException.badRequest("INVALID_REQUEST",
                "the request URL is not allowed: " + e.getMessage()));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(StrideProperties props) {
        StrideProperties.Auth auth = props.auth();
        NimbusReactiveJwtDecoder decoder;
        if (auth.jwkSetUri() != null && !auth.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
        } else {
            byte[] secret = secret(auth).getBytes(StandardCharsets.UTF_8);
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2TokenValidator<Jwt> defaults = auth.issuer() == null || auth.issuer().isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(auth.issuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(defaults, SecurityConfig::requireSubjectAndTenant));
        return decoder;
    }

    /** Every query is scoped by sub and tenant, so a token without valid ones is not a token here. */
    private static OAuth2TokenValidatorResult requireSubjectAndTenant(Jwt jwt) {
        if (Ids.isValid(jwt.getSubject()) && Ids.isValid(jwt.getClaimAsString("tenant"))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "sub and tenant are required", null));
    }

    private static String secret(StrideProperties.Auth auth) {
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
