package dev.stride.groupprogress.progress;

import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.cache.CacheHeaders;
import dev.stride.groupprogress.cache.Served;
import dev.stride.groupprogress.group.Group;
import dev.stride.groupprogress.group.GroupAccess;
import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.web.CachedAnswers;
import dev.stride.api.web.ApiRequest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Query mode: {@code GET /v1/groups/{groupId}/progress} and Sunbird's {@code POST /v1/group/activity/agg}, both
 * cached ({@link ProgressCaches}); the caller is authorised against the members in the answer itself, so a cache
 * hit costs no Cassandra read, and answered from the cached bytes ({@link CachedAnswers}: gzip, ETag, 304).
 */
@RestController
public class ProgressController {

    private final ProgressCaches caches;
    private final GroupProgressService progress;
    private final ActivityAggService aggs;
    private final CachedAnswers answers;

    public ProgressController(ProgressCaches caches, GroupProgressService progress, ActivityAggService aggs,
                              CachedAnswers answers) {
        this.caches = caches;
        this.progress = progress;
        this.aggs = aggs;
        this.answers = answers;
    }

    public record AggRequest(String groupId, String activityId, String activityType) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            Ids.check("request.groupId", groupId).ifPresent(errors::add);
            Ids.check("request.activityId", activityId).ifPresent(errors::add);
            if (activityType == null || activityType.isBlank()) {
                errors.add(new FieldError("request.activityType", "is required"));
            } else if (!Group.COURSE.equals(activityType)) {
                errors.add(new FieldError("request.activityType", "must be Course"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
    }

    @GetMapping("/v1/groups/{groupId}/progress")
    public Mono<ResponseEntity<Mono<DataBuffer>>> progress(@PathVariable String groupId, @AuthenticationPrincipal Jwt jwt,
                                                           ServerHttpRequest http, ServerHttpResponse response) {
        Caller caller = Caller.of(jwt);
        Ids.check("groupId", groupId).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        String tenant = caller.tenant();
        return caches.progress.get(ProgressCaches.progressKey(tenant, groupId), () -> progress.compute(tenant, groupId))
                .map(served -> {
                    GroupAccess.requireManager(caller, served.value().rolesByUser());
                    return answers.answer(http, response.bufferFactory(), CacheHeaders.of(served), served.bytes());
                });
    }

    @PostMapping("/v1/group/activity/agg")
    public Mono<ResponseEntity<Mono<DataBuffer>>> activityAgg(@RequestBody ApiRequest<AggRequest> body,
                                                             @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http,
                                                             ServerHttpResponse response) {
        Caller caller = Caller.of(jwt);
        AggRequest req = body.body();
        req.validate();
        String tenant = caller.tenant();
        return caches.agg.get(ProgressCaches.aggKey(tenant, req.groupId(), req.activityId()),
                        () -> aggs.compute(tenant, req.groupId(), req.activityId()))
                .map(served -> {
                    GroupAccess.requireManager(caller, served.value().rolesByUser());
                    if (served.value().activity() == null) {
                        throw ApiException.invalid(List.of(new FieldError("request.activityId",
                                "is not a Course activity of group " + req.groupId() + ": " + req.activityId())));
                    }
                    return answers.answer(http, response.bufferFactory(), CacheHeaders.of(served), served.bytes());
                });
    }
}
