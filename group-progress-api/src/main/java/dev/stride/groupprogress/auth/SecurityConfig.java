package dev.stride.groupprogress.auth;

import dev.stride.api.auth.BearerTokenSecurity;
import dev.stride.api.auth.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Stateless bearer-token auth (api-support's {@link BearerTokenSecurity}: token decoder, envelope 401/403 and
 * rejected-URL envelope); this service's own rules: the paths it permits without a token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, BearerTokenSecurity bearer) {
        return bearer.filterChain(http, a -> a
                        // health (status only) stays open for load balancers; metrics need an OPS token
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").access(BearerTokenSecurity.anyRole(Caller.OPS))
                        .pathMatchers(org.springframework.http.HttpMethod.GET, "/dashboard", "/dashboard/", "/dashboard/**", "/webjars/**").permitAll()
                        .anyExchange().authenticated());
    }
}
