package dev.stride.api.auth;

import dev.stride.api.web.ApiException;
import dev.stride.api.web.EnvelopeWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The token decoder ({@code stride.auth.*}), the envelope 401/403 handlers ({@link BearerTokenSecurity}) and the
 * envelope for URLs the firewall refuses. The service declares its own {@code SecurityWebFilterChain} with
 * {@link BearerTokenSecurity#filterChain}, naming the paths it permits without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StrideAuthProperties.class)
public class StrideSecurity {

    /** Verified tokens are cached until their exp: the HMAC check and claim parsing were per request. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(StrideAuthProperties auth) {
        return CachingJwtDecoder.of(StrideJwtDecoder.create(auth));
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorization: they were ~5 % of the
     * API's CPU per request under load; http.server.requests still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    BearerTokenSecurity bearerTokenSecurity(ReactiveJwtDecoder jwtDecoder, EnvelopeWriter writer) {
        return new BearerTokenSecurity(jwtDecoder, writer);
    }

    /** URLs the firewall refuses (encoded %, //, ...) get the envelope too, not a bare 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedUrls(EnvelopeWriter writer) {
        return (exchange, e) -> writer.write(exchange, ApiException.badRequest("INVALID_REQUEST",
                "the request URL is not allowed: " + e.getMessage()));
    }
}
