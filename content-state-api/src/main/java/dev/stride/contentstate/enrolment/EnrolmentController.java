package dev.stride.contentstate.enrolment;

import dev.stride.api.auth.Caller;
import dev.stride.contentstate.batch.Batch;
import dev.stride.contentstate.batch.BatchController;
import dev.stride.contentstate.batch.BatchRepository;
import dev.stride.contentstate.course.CourseStructureRepository;
import dev.stride.contentstate.user.Profile;
import dev.stride.contentstate.user.UserRepository;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/course/enrol}, {@code POST /v1/course/unenrol}, {@code GET /v1/user/courses/list/{userId}}. */
@RestController
public class EnrolmentController {

    private final BatchRepository batches;
    private final CourseStructureRepository courses;
    private final UserRepository users;
    private final UserEnrolmentRepository byUser;
    private final BatchEnrolmentRepository byBatch;

    public EnrolmentController(BatchRepository batches, CourseStructureRepository courses, UserRepository users,
                               UserEnrolmentRepository byUser, BatchEnrolmentRepository byBatch) {
        this.batches = batches;
        this.courses = courses;
        this.users = users;
        this.byUser = byUser;
        this.byBatch = byBatch;
    }

    public record EnrolRequest(String courseId, String batchId, String userId) {

        void validate() {
            List<FieldError> errors = new ArrayList<>();
            Ids.check("request.courseId", courseId).ifPresent(errors::add);
            Ids.check("request.batchId", batchId).ifPresent(errors::add);
            Ids.check("request.userId", userId).ifPresent(errors::add);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
    }

    @PostMapping("/v1/course/enrol")
    public Mono<Envelope> enrol(@RequestBody ApiRequest<EnrolRequest> body, @AuthenticationPrincipal Jwt jwt,
                                ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        EnrolRequest req = body.body();
        req.validate();
        caller.requireSelfOrStaff(req.userId(), "request.userId");
        String tenant = caller.tenant();
        Instant now = Instant.now();
        return batchOf(tenant, req).flatMap(batch -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (!batch.enrolmentOpen(today)) {
                return Mono.error(ApiException.badRequest("ENROLMENT_ENDED",
                        "request.batchId " + req.batchId() + " no longer accepts enrolments"));
            }
            if (batch.inviteOnly() && !caller.hasAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR)) {
                return Mono.error(ApiException.forbidden("request.batchId " + req.batchId()
                        + " is invite-only: an ORG_ADMIN or INSTRUCTOR enrols its learners"));
            }
            Mono<Profile> profile = users.find(tenant, req.userId()).defaultIfEmpty(
                    Profile.named(req.userId(), caller.userId().equals(req.userId()) ? caller.name() : null));
            return Mono.zip(courses.summary(tenant, req.courseId()).defaultIfEmpty(
                            new CourseStructureRepository.CourseSummary(null, java.util.Set.of(), 0)), profile)
                    .flatMap(t -> Mono.when(
                            byUser.enrol(tenant, req.userId(), req.courseId(), req.batchId(), t.getT1().name(),
                                    batch.name(), t.getT1().requiredLeafCount(), now),
                            byBatch.enrol(tenant, req.courseId(), req.batchId(), t.getT2(), t.getT1().name(),
                                    batch.name(), t.getT1().requiredLeafCount(), now)));
        }).thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS")));
    }

    @PostMapping("/v1/course/unenrol")
    public Mono<Envelope> unenrol(@RequestBody ApiRequest<EnrolRequest> body, @AuthenticationPrincipal Jwt jwt,
                                  ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        EnrolRequest req = body.body();
        req.validate();
        caller.requireSelfOrStaff(req.userId(), "request.userId");
        String tenant = caller.tenant();
        return batchOf(tenant, req)
                .then(byUser.find(tenant, req.userId(), req.courseId(), req.batchId()))
                .filter(Enrolment::active)
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("NOT_ENROLLED",
                        "request.userId " + req.userId() + " is not enrolled in batch " + req.batchId())))
                .flatMap(e -> Mono.when(byUser.setActive(tenant, req.userId(), req.courseId(), req.batchId(), false),
                        byBatch.setActive(tenant, req.courseId(), req.batchId(), req.userId(), false)))
                .thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS")));
    }

    /** One partition read, every enrolment (no cap). */
    @GetMapping("/v1/user/courses/list/{userId}")
    public Mono<Envelope> list(@PathVariable String userId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireSelfOrStaff(userId, "userId");
        return byUser.listByUser(caller.tenant(), userId).map(EnrolmentController::view).collectList()
                .map(list -> Envelope.ok(ApiIds.of(http), Map.of("courses", list)));
    }

    private Mono<Batch> batchOf(String tenant, EnrolRequest req) {
        return batches.find(tenant, req.batchId())
                .filter(b -> b.courseId().equals(req.courseId()))
                .switchIfEmpty(Mono.error(() -> BatchController.notFound(req.batchId())));
    }

    private static Map<String, Object> view(Enrolment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("courseId", e.courseId());
        m.put("collectionId", e.courseId());
        m.put("batchId", e.batchId());
        m.put("userId", e.userId());
        m.put("courseName", e.courseName());
        m.put("batchName", e.batchName());
        m.put("enrolledDate", e.enrolledDate());
        m.put("active", e.active());
        m.put("status", e.status());
        m.put("progress", e.progress());
        m.put("leafNodesCount", e.leafNodesCount());
        m.put("completionPercentage", e.completionPercentage());
        m.put("contentStatus", e.contentStatus());
        m.put("completedOn", e.completedOn());
        m.put("lastReadContentId", e.lastReadContentId());
        m.put("lastReadContentStatus", e.lastReadContentStatus());
        m.put("lastAccessTime", e.lastAccessTime());
        return m;
    }
}
