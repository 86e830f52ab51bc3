package dev.stride.groupprogress.cache;

import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.web.ApiIds;
import dev.stride.api.web.Envelope;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The ops TTL knob: {@code GET|PUT /admin/cache/ttl} with {@code {"ttl":"PT60S"}} (OPS only). */
@RestController
public class TtlController {

    private final CacheTtl ttl;
    private final TtlAdvisor advisor;

    public TtlController(CacheTtl ttl, TtlAdvisor advisor) {
        this.ttl = ttl;
        this.advisor = advisor;
    }

    /** {@code {"ttl": "PT60S"}}, or the same inside Sunbird's {@code request} wrapper. */
    public record TtlBody(String ttl, TtlBody request) {

        String value() {
            return ttl != null || request == null ? ttl : request.ttl();
        }
    }

    /** What GET and PUT answer in the envelope's result. */
    public record TtlView(String ttl, String source, Instant updatedAt, String updatedBy) {

        static TtlView of(TtlSetting s) {
            return new TtlView(s.ttl().toString(), s.source(), s.updatedAt(), s.updatedBy());
        }
    }

    @GetMapping("/admin/cache/ttl")
    public Envelope read(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller.of(jwt).requireAnyRole(Caller.OPS);
        return Envelope.ok(ApiIds.of(http), TtlView.of(ttl.setting()));
    }

    /** What {@code stride ttl advise} prints: a TTL from this instance's observed read and change rates. */
    @GetMapping("/admin/cache/ttl/advice")
    public Envelope advice(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller.of(jwt).requireAnyRole(Caller.OPS);
        return Envelope.ok(ApiIds.of(http), advisor.advise(ttl.ttl()));
    }

    @PutMapping("/admin/cache/ttl")
    public Mono<Envelope> update(@RequestBody TtlBody body, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireAnyRole(Caller.OPS);
        return ttl.update(CacheTtl.parse(body.value()), caller.userId())
                .map(s -> Envelope.ok(ApiIds.of(http), TtlView.of(s)));
    }
}
