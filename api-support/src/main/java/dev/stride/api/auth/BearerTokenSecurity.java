package dev.stride.api.auth;

import dev.stride.api.web.ApiException;
import dev.stride.api.web.EnvelopeWriter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import java.util.Objects;

/**
 * Stateless bearer-token auth; 401 and 403 answer with the Sunbird envelope. The service's own
 * {@code SecurityWebFilterChain} bean calls {@link #filterChain} with its authorization rules (its public paths
 * first, then {@code anyExchange()}).
 */
public class BearerTokenSecurity {

    private final ReactiveJwtDecoder decoder;
    private final ServerAuthenticationEntryPoint entryPoint;
    private final ServerAccessDeniedHandler accessDenied;

    public BearerTokenSecurity(ReactiveJwtDecoder decoder, EnvelopeWriter writer) {
        this.decoder = decoder;
        this.entryPoint = (exchange, e) -> writer.write(exchange,
                ApiException.unauthorized("Authorization must be a valid, unexpired bearer token"));
        this.accessDenied = (exchange, e) -> writer.write(exchange,
                ApiException.forbidden("the token does not allow this operation"));
    }

    /** The chain: no session, CSRF, basic or form login; a JWT resource server; then {@code authorization}. */
    public SecurityWebFilterChain filterChain(ServerHttpSecurity http,
                                              Customizer<ServerHttpSecurity.AuthorizeExchangeSpec> authorization) {
        Objects.requireNonNull(authorization, "authorization rules are required");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(authorization)
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtDecoder(decoder))
                        .authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    /** Allows a request whose token carries one of the roles (e.g. OPS for metrics); 401 without a token, 403 without the role. */
    public static ReactiveAuthorizationManager<AuthorizationContext> anyRole(String... roles) {
        return (authentication, context) -> authentication
                .filter(a -> a.isAuthenticated() && a.getPrincipal() instanceof Jwt)
                .<AuthorizationResult>map(a -> new AuthorizationDecision(Caller.of((Jwt) a.getPrincipal()).hasAnyRole(roles)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** 401 with the envelope. */
    public ServerAuthenticationEntryPoint entryPoint() {
        return entryPoint;
    }

    /** 403 with the envelope. */
    public ServerAccessDeniedHandler accessDeniedHandler() {
        return accessDenied;
    }
}
