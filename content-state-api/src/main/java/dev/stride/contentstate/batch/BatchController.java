package dev.stride.contentstate.batch;

import dev.stride.api.auth.Caller;
import dev.stride.contentstate.course.CourseStructureRepository;
import dev.stride.api.web.ApiException;
import dev.stride.contentstate.web.ApiIds;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code POST /v1/course/batch/create}, {@code GET /v1/course/batch/read/{batchId}}. */
@RestController
public class BatchController {

    private final BatchRepository batches;
    private final CourseStructureRepository courses;

    public BatchController(BatchRepository batches, CourseStructureRepository courses) {
        this.batches = batches;
        this.courses = courses;
    }

    public record CreateBatchRequest(String courseId, String name, String description, String startDate,
                                     String endDate, String enrollmentEndDate, String enrollmentType) {
    }

    @PostMapping("/v1/course/batch/create")
    public Mono<Envelope> create(@RequestBody ApiRequest<CreateBatchRequest> body, @AuthenticationPrincipal Jwt jwt,
                                 ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR);
        CreateBatchRequest req = body.body();
        List<FieldError> errors = new ArrayList<>();
        Ids.check("request.courseId", req.courseId()).ifPresent(errors::add);
        if (req.name() == null || req.name().isBlank()) {
            errors.add(new FieldError("request.name", "is required"));
        }
        LocalDate start = date("request.startDate", req.startDate(), true, errors);
        LocalDate end = date("request.endDate", req.endDate(), false, errors);
        LocalDate enrolEnd = date("request.enrollmentEndDate", req.enrollmentEndDate(), false, errors);
        String type = req.enrollmentType() == null ? "open" : req.enrollmentType();
        if (!type.equals("open") && !type.equals("invite-only")) {
            errors.add(new FieldError("request.enrollmentType", "must be open or invite-only"));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("request.endDate", "must not be before startDate"));
        }
        if (end != null && enrolEnd != null && enrolEnd.isAfter(end)) {
            errors.add(new FieldError("request.enrollmentEndDate", "must not be after endDate"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Batch batch = new Batch(UUID.randomUUID().toString(), req.courseId(), req.name(), req.description(), start,
                end, enrolEnd, type, caller.userId(), Instant.now());
        return courses.summary(caller.tenant(), req.courseId())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("RESOURCE_NOT_FOUND",
                        "request.courseId " + req.courseId() + " has no course hierarchy")))
                .then(batches.save(caller.tenant(), batch))
                .thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS", "batchId", batch.batchId())));
    }

    @GetMapping("/v1/course/batch/read/{batchId}")
    public Mono<Envelope> read(@PathVariable String batchId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        return batches.find(caller.tenant(), batchId)
                .switchIfEmpty(Mono.error(() -> notFound(batchId)))
                .map(b -> Envelope.ok(ApiIds.of(http), Map.of("response", view(b))));
    }

    /** The same answer for a missing batch and another tenant's: nothing reveals that it exists. */
    public static ApiException notFound(String batchId) {
        return ApiException.notFound("BATCH_NOT_EXISTS", "batchId " + batchId + " does not exist");
    }

    private static Map<String, Object> view(Batch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batchId", b.batchId());
        m.put("courseId", b.courseId());
        m.put("name", b.name());
        m.put("description", b.description());
        m.put("startDate", b.startDate());
        m.put("endDate", b.endDate());
        m.put("enrollmentEndDate", b.enrollmentEndDate());
        m.put("enrollmentType", b.enrollmentType());
        m.put("status", b.status(LocalDate.now(ZoneOffset.UTC)));
        m.put("createdBy", b.createdBy());
        m.put("createdDate", b.createdAt());
        return m;
    }

    private static LocalDate date(String field, String text, boolean required, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date like 2026-01-31 (yyyy-MM-dd)"));
            return null;
        }
    }
}
