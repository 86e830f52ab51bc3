package dev.stride.contentstate.content;

import dev.stride.api.auth.Caller;
import dev.stride.contentstate.config.StrideProperties;
import dev.stride.api.web.ApiException;
import dev.stride.contentstate.web.ApiIds;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import dev.stride.core.completion.AssessmentAttempt;
import dev.stride.core.completion.AssessmentBests;
import dev.stride.core.content.ContentState;
import dev.stride.core.content.SunbirdTimestamps;
import dev.stride.core.event.Json;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code PATCH /v1/content/state/update}, {@code POST /v1/content/state/read}. */
@RestController
public class ContentStateController {

    private final ContentUpdateService updates;
    private final ContentFactRepository facts;
    private final AssessmentAttemptRepository attempts;
    private final int attemptsLimit;

    public ContentStateController(ContentUpdateService updates, ContentFactRepository facts,
                                  AssessmentAttemptRepository attempts, StrideProperties props) {
        this.updates = updates;
        this.facts = facts;
        this.attempts = attempts;
        this.attemptsLimit = props.content().assessmentAttemptsLimit();
    }

    public record ReadRequest(String userId, String courseId, String batchId, List<String> contentIds,
                              List<String> fields) {
    }

    @PatchMapping("/v1/content/state/update")
    public Mono<Envelope> update(@RequestBody ApiRequest<UpdateRequest> body, @AuthenticationPrincipal Jwt jwt,
                                 ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        UpdateRequest req = body.body();
        Instant receivedAt = Instant.now();
        updates.validate(req, receivedAt);
        caller.requireSelfOrStaff(req.userId(), "request.userId");
        return updates.update(caller.tenant(), req, receivedAt)
                .map(verdicts -> Envelope.ok(ApiIds.of(http), verdicts));
    }

    @PostMapping("/v1/content/state/read")
    public Mono<Envelope> read(@RequestBody ApiRequest<ReadRequest> body, @AuthenticationPrincipal Jwt jwt,
                               ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        ReadRequest req = body.body();
        List<FieldError> errors = new ArrayList<>();
        Ids.check("request.userId", req.userId()).ifPresent(errors::add);
        Ids.check("request.courseId", req.courseId()).ifPresent(errors::add);
        Ids.check("request.batchId", req.batchId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        caller.requireSelfOrStaff(req.userId(), "request.userId");
        EnrolmentKey key = new EnrolmentKey(caller.tenant(), req.userId(), req.courseId(), req.batchId());
        boolean withScore = req.fields() != null && req.fields().contains("score");
        Mono<Map<String, List<AssessmentAttempt>>> scores = withScore
                ? attempts.attempts(key).collectList().map(list -> AssessmentBests.counted(list, attemptsLimit))
                : Mono.just(Map.of());
        return Mono.zip(facts.states(key, req.contentIds()), scores)
                .map(t -> {
                    List<Map<String, Object>> list = t.getT1().values().stream()
                            .map(s -> view(key, s, withScore ? t.getT2().getOrDefault(s.contentId(), List.of()) : null))
                            .toList();
                    return Envelope.ok(ApiIds.of(http), Map.of("contentList", list));
                });
    }

    private static Map<String, Object> view(EnrolmentKey k, ContentState s, List<AssessmentAttempt> score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentId", s.contentId());
        m.put("courseId", k.courseId());
        m.put("batchId", k.batchId());
        m.put("userId", k.userId());
        m.put("status", s.status());
        m.put("progress", s.progress());
        m.put("viewCount", s.viewCount());
        m.put("completedCount", s.completedCount());
        m.put("lastAccessTime", format(s.lastAccessTime()));
        m.put("lastCompletedTime", format(s.lastCompletedTime()));
        m.put("progressdetails", s.progressDetails() == null ? null : Json.read(s.progressDetails(), JsonNode.class));
        if (score != null) {
            m.put("score", score.stream().map(a -> Map.of("attemptId", a.attemptId(),
                    "lastAttemptedOn", format(a.assessmentTs()), "totalMaxScore", a.totalMaxScore(),
                    "totalScore", a.totalScore())).toList());
        }
        return m;
    }

    private static String format(Instant at) {
        return at == null ? null : SunbirdTimestamps.format(at);
    }
}
