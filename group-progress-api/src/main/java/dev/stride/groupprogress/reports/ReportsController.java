package dev.stride.groupprogress.reports;

import dev.stride.core.ids.Ids;
import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.group.GroupAccess;
import dev.stride.groupprogress.group.GroupRepository;
import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.web.ApiIds;
import dev.stride.api.web.Envelope;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** {@code GET /v1/groups/{groupId}/reports} and {@code .../reports/{fileName}}: the group's nightly static reports. */
@RestController
public class ReportsController {

    private final GroupRepository groups;
    private final ReportFiles files;

    public ReportsController(GroupRepository groups, ReportFiles files) {
        this.groups = groups;
        this.files = files;
    }

    @GetMapping("/v1/groups/{groupId}/reports")
    public Mono<Envelope> list(@PathVariable String groupId, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        return authorised(caller, groupId)
                .then(Mono.fromCallable(() -> files.list(caller.tenant(), groupId)).subscribeOn(Schedulers.boundedElastic()))
                .map(list -> Envelope.ok(ApiIds.of(http), Map.of("groupId", groupId, "count", list.size(), "reports", list)));
    }

    @GetMapping("/v1/groups/{groupId}/reports/{fileName}")
    public Mono<ResponseEntity<Resource>> download(@PathVariable String groupId, @PathVariable String fileName,
                                                   @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return authorised(caller, groupId)
                .then(Mono.fromCallable(() -> files.file(caller.tenant(), groupId, fileName)).subscribeOn(Schedulers.boundedElastic()))
                .map(path -> ResponseEntity.ok()
                        .contentType(MediaTypeFactory.getMediaType(fileName).orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                        .body(new FileSystemResource(path)));
    }

    /** The group's admins and ORG_ADMIN, as for its live progress. */
    private Mono<Void> authorised(Caller caller, String groupId) {
        Ids.check("groupId", groupId).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        return groups.load(caller.tenant(), groupId).doOnNext(d -> GroupAccess.requireManager(caller, d.rolesByUser())).then();
    }
}
