package dev.stride.groupprogress.dashboard;

import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.web.ApiIds;
import dev.stride.api.web.Envelope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** The instructor's batch dashboard and gradebook ({@link CourseAccess} says who sees which learners). */
@RestController
public class DashboardController {

    private final BatchRepository batches;
    private final CourseAccess access;
    private final DashboardService dashboards;
    private final GradebookService gradebooks;
    private final StrideProperties.Dashboard settings;

    public DashboardController(BatchRepository batches, CourseAccess access, DashboardService dashboards,
                               GradebookService gradebooks, StrideProperties props) {
        this.batches = batches;
        this.access = access;
        this.dashboards = dashboards;
        this.gradebooks = gradebooks;
        this.settings = props.dashboard();
    }

    @GetMapping("/v1/course/{courseId}/batch/{batchId}/dashboard")
    public Mono<Envelope> dashboard(@PathVariable String courseId, @PathVariable String batchId,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(required = false) String order,
                                    @RequestParam(required = false) String pageSize,
                                    @RequestParam(required = false) String pagingState,
                                    @RequestParam(required = false) String groupId,
                                    @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        checkIds(courseId, batchId);
        DashboardSort by = DashboardSort.parse(sort);
        String dir = order == null || order.isBlank() ? "asc" : order;
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw ApiException.invalid(List.of(new FieldError("order", "must be asc or desc: " + order)));
        }
        int size = pageSize(pageSize);
        PageToken.Position after = pagingState == null || pagingState.isBlank() ? null
                : PageToken.decode(pagingState, by, dir);
        return access.visibleLearners(caller, courseId, groupId)
                .flatMap(visible -> batches.batch(caller.tenant(), courseId, batchId)
                        .flatMap(batch -> dashboards.page(caller.tenant(), batch, visible, by, dir.equals("desc"), size, after)))
                .map(page -> Envelope.ok(ApiIds.of(http), page));
    }

    @GetMapping("/v1/course/{courseId}/batch/{batchId}/gradebook")
    public Mono<ResponseEntity<?>> gradebook(@PathVariable String courseId, @PathVariable String batchId,
                                             @RequestParam(required = false) String format,
                                             @RequestParam(required = false) String groupId,
                                             @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        checkIds(courseId, batchId);
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            throw ApiException.invalid(List.of(new FieldError("format", "must be json or csv: " + format)));
        }
        String tenant = caller.tenant();
        return access.visibleLearners(caller, courseId, groupId)
                .flatMap(visible -> batches.batch(tenant, courseId, batchId)
                        .flatMap(batch -> gradebooks.gradebook(tenant, batch, visible, csv)))
                .map(g -> csv
                        ? ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                                .header(HttpHeaders.CONTENT_DISPOSITION,
                                        "attachment; filename=\"gradebook-" + courseId + "-" + batchId + ".csv\"")
                                .body(g.csv())
                        : ResponseEntity.ok(Envelope.ok(ApiIds.of(http), g.json())));
    }

    private static void checkIds(String courseId, String batchId) {
        List<FieldError> errors = new ArrayList<>();
        Ids.check("courseId", courseId).ifPresent(errors::add);
        Ids.check("batchId", batchId).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private int pageSize(String text) {
        if (text == null || text.isBlank()) {
            return settings.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= settings.maxPageSize()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw ApiException.invalid(List.of(new FieldError("pageSize", "must be a whole number from 1 to "
                + settings.maxPageSize() + ": " + text)));
    }
}
