package dev.stride.groupprogress.group;

import dev.stride.core.ids.Ids;
import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.web.ApiIds;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** {@code POST /v1/group/create}, {@code PATCH /v1/group/membership/update}, {@code GET /v1/group/read/{groupId}}. */
@RestController
public class GroupController {

    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @PostMapping("/v1/group/create")
    public Mono<Envelope> create(@RequestBody ApiRequest<GroupRequests.Create> body, @AuthenticationPrincipal Jwt jwt,
                                 ServerHttpRequest http) {
        return groups.create(Caller.of(jwt), body.body())
                .map(id -> Envelope.ok(ApiIds.of(http), Map.of("groupId", id)));
    }

    @PatchMapping("/v1/group/membership/update")
    public Mono<Envelope> updateMembership(@RequestBody ApiRequest<GroupRequests.Membership> body,
                                           @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        GroupRequests.Membership req = body.body();
        return groups.updateMembership(Caller.of(jwt), req)
                .map(verdicts -> Envelope.ok(ApiIds.of(http), Map.of("groupId", req.groupId(), "members", verdicts)));
    }

    @GetMapping("/v1/group/read/{groupId}")
    public Mono<Envelope> read(@PathVariable String groupId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Ids.check("groupId", groupId).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        return groups.read(Caller.of(jwt), groupId).map(view -> Envelope.ok(ApiIds.of(http), view));
    }
}
