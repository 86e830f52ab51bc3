package dev.stride.groupprogress.jobrequest;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import dev.stride.core.validation.FieldError;
import dev.stride.groupprogress.web.ApiIds;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sunbird's job request API for reports: {@code POST /v1/jobrequest/submit}, {@code GET /v1/jobrequest/list/{tag}},
 * {@code GET /v1/jobrequest/read/{tag}?requestId=}, and {@code GET /v1/jobrequest/download/{tag}?requestId=}.
 */
@RestController
public class JobRequestController {

    // The generator writes UTF-8 CSV with a byte-order mark (docs/REPORTS.md).
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final JobRequestService service;

    public JobRequestController(JobRequestService service) {
        this.service = service;
    }

    @PostMapping("/v1/jobrequest/submit")
    public Mono<Envelope> submit(@RequestBody ApiRequest<SubmitRequest> body, @AuthenticationPrincipal Jwt jwt,
                                 ServerHttpRequest http) {
        return service.submit(Caller.of(jwt), body.body()).map(job -> Envelope.ok(ApiIds.of(http), JobView.of(job)));
    }

    @GetMapping("/v1/jobrequest/list/{tag}")
    public Mono<Envelope> list(@PathVariable String tag, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        check(tag, null);
        return service.list(Caller.of(jwt), tag).map(jobs -> Envelope.ok(ApiIds.of(http),
                Map.of("count", jobs.size(), "jobs", jobs.stream().map(JobView::of).toList())));
    }

    @GetMapping("/v1/jobrequest/read/{tag}")
    public Mono<Envelope> read(@PathVariable String tag, @RequestParam(required = false) String requestId,
                               @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        check(tag, requestId == null ? "" : requestId);
        return service.read(Caller.of(jwt), tag, requestId).map(job -> Envelope.ok(ApiIds.of(http), JobView.of(job)));
    }

    @GetMapping("/v1/jobrequest/download/{tag}")
    public Mono<ResponseEntity<Resource>> download(@PathVariable String tag, @RequestParam(required = false) String requestId,
                                                   @AuthenticationPrincipal Jwt jwt) {
        check(tag, requestId == null ? "" : requestId);
        return service.download(Caller.of(jwt), tag, requestId).map(d -> ResponseEntity.ok()
                .contentType(d.fileName().endsWith(".csv") ? CSV : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName())
                        .build().toString())
                .body(new FileSystemResource(d.file())));
    }

    /** 400 naming {@code tag} or {@code requestId} (null: this endpoint takes no requestId). */
    private static void check(String tag, String requestId) {
        List<FieldError> errors = new ArrayList<>();
        Tag.check("tag", tag).ifPresent(errors::add);
        if (requestId != null && requestId.isEmpty()) {
            errors.add(new FieldError("requestId", "is required"));
        } else if (requestId != null && !RequestId.isValid(requestId)) {
            errors.add(new FieldError("requestId", RequestId.RULE));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
