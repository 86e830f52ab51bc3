package dev.stride.contentstate.course;

import dev.stride.api.auth.Caller;
import dev.stride.contentstate.config.StrideProperties;
import dev.stride.contentstate.kafka.EventPublisher;
import dev.stride.api.web.ApiException;
import dev.stride.contentstate.web.ApiIds;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.course.CourseTreeValidator;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.Json;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code PUT|GET /v1/course/hierarchy/{courseId}}: Stride's own course tree endpoint. */
@RestController
public class CourseHierarchyController {

    private final CourseStructureRepository courses;
    private final EventPublisher publisher;
    private final String topic;

    public CourseHierarchyController(CourseStructureRepository courses, EventPublisher publisher, StrideProperties props) {
        this.courses = courses;
        this.publisher = publisher;
        this.topic = props.kafka().courseStructureTopic();
    }

    public record HierarchyRequest(String name, List<CourseNode> children) {
    }

    /**
     * Stores the tree, then publishes it to the compacted topic (the aggregator recomputes every enrolment's
     * completion from it). A failed publish answers 503 and the client re-PUTs: the topic keeps the latest tree.
     */
    @PutMapping("/v1/course/hierarchy/{courseId}")
    public Mono<Envelope> put(@PathVariable String courseId, @RequestBody ApiRequest<HierarchyRequest> body,
                              @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR);
        HierarchyRequest req = body.body();
        List<FieldError> errors = new ArrayList<>();
        Ids.check("courseId", courseId).ifPresent(errors::add);
        if (req.name() == null || req.name().isBlank()) {
            errors.add(new FieldError("request.name", "is required"));
        }
        if (errors.isEmpty()) {
            errors.addAll(CourseTreeValidator.validate(courseId, req.children()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        CourseTree tree = CourseTree.of(courseId, req.name(), req.children());
        Instant now = Instant.now();
        CourseStructureEvent event = CourseStructureEvent.of(caller.tenant(), tree, now, now);
        return courses.save(caller.tenant(), tree, caller.userId(), now)
                .then(publisher.publish(topic, event.key(), Json.writeBytes(event)))
                .thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS", "courseId", courseId,
                        "leafNodesCount", tree.requiredLeafIds().size())));
    }

    @GetMapping("/v1/course/hierarchy/{courseId}")
    public Mono<Envelope> get(@PathVariable String courseId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        return courses.find(caller.tenant(), courseId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("RESOURCE_NOT_FOUND", "courseId " + courseId + " has no hierarchy")))
                .map(tree -> {
                    Map<String, Object> content = new LinkedHashMap<>();
                    content.put("identifier", tree.courseId());
                    content.put("name", tree.name());
                    content.put("children", tree.root().children());
                    content.put("leafNodes", tree.requiredLeafIds());
                    content.put("leafNodesCount", tree.requiredLeafIds().size());
                    return Envelope.ok(ApiIds.of(http), Map.of("content", content));
                });
    }
}
