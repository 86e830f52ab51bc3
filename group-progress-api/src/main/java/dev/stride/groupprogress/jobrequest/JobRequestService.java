package dev.stride.groupprogress.jobrequest;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.core.validation.FieldError;
import dev.stride.groupprogress.group.GroupAccess;
import dev.stride.groupprogress.group.GroupRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Report requests: submit (validated, authorised, idempotent), list and read a tag's requests, download a report. */
@Service
public class JobRequestService {

    /** A report ready to stream, with the store-relative path the audit row names. */
    public record Download(Path file, String fileName, String resource) {
    }

    private static final Comparator<JobRequest> NEWEST_FIRST = Comparator.comparing(JobRequest::lastUpdated,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(JobRequest::requestId);

    private final JobRequestRepository jobs;
    private final ReportTargets targets;
    private final GroupRepository groups;
    private final JobAccess access;
    private final RequestedReportFiles files;
    private final RequestedReportStore store;
    private final DownloadAudit audit;
    private final Clock clock;

    public JobRequestService(JobRequestRepository jobs, ReportTargets targets, GroupRepository groups, JobAccess access,
                             RequestedReportFiles files, RequestedReportStore store, DownloadAudit audit, Clock clock) {
        this.jobs = jobs;
        this.targets = targets;
        this.groups = groups;
        this.access = access;
        this.files = files;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A duplicate of a pending request returns it unchanged; a new request, or a re-submit of a finished one, is
     * (re)written as SUBMITTED with attempts 0.
     */
    public Mono<JobRequest> submit(Caller caller, SubmitRequest req) {
        List<FieldError> errors = req.errors(caller.userId());
        if (!errors.isEmpty()) {
            return Mono.error(ApiException.invalid(errors));
        }
        Dataset dataset = Dataset.of(req.dataset()).orElseThrow();
        Map<String, String> config = req.config();
        String tenant = caller.tenant();
        String requestId = RequestId.of(tenant, req.tag(), dataset.id(), config, req.outputFormatOrDefault());
        return storedConfig(caller, dataset, config).flatMap(stored -> jobs.find(tenant, req.tag(), requestId)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isPresent() && existing.get().pending()) {
                        return Mono.just(existing.get());
                    }
                    JobRequest job = JobRequest.submitted(tenant, req.tag(), requestId, dataset, stored, caller.userId(),
                            req.outputFormatOrDefault(), clock.instant());
                    return jobs.submit(job, existing.map(JobRequest::status).orElse(null)).thenReturn(job);
                }));
    }

    /** The caller's right to the dataset, then the target in the caller's tenant (404 as if missing otherwise). */
    private Mono<Map<String, String>> storedConfig(Caller caller, Dataset dataset, Map<String, String> config) {
        String tenant = caller.tenant();
        return Mono.defer(() -> switch (dataset.scope()) {
            case BATCH -> {
                JobAccess.requireStaff(caller, dataset);
                String batchId = config.get("batchId");
                yield targets.courseOfBatch(tenant, batchId)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("BATCH_NOT_FOUND", "no batch " + batchId)))
                        .map(courseId -> {
                            Map<String, String> stored = new TreeMap<>(config);
                            stored.put("courseId", courseId); // the generator reads enrolments_by_batch by (course, batch)
                            return (Map<String, String>) stored;
                        });
            }
            case COURSE -> {
                JobAccess.requireStaff(caller, dataset);
                String courseId = config.get("courseId");
                String batchId = config.get("batchId");
                Mono<Void> course = targets.courseExists(tenant, courseId).flatMap(found -> found ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound("COURSE_NOT_FOUND", "no course " + courseId)));
                Mono<Void> batch = batchId == null ? Mono.empty() : targets.courseOfBatch(tenant, batchId)
                        .filter(courseId::equals)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("BATCH_NOT_FOUND",
                                "no batch " + batchId + " of course " + courseId)))
                        .then();
                yield course.then(batch).thenReturn(config);
            }
            case GROUP -> groups.load(tenant, config.get(JobAccess.GROUP_ID))
                    .doOnNext(d -> GroupAccess.requireManager(caller, d.rolesByUser()))
                    .thenReturn(config);
        });
    }

    /** The tag's requests the caller may see, newest first. */
    public Mono<List<JobRequest>> list(Caller caller, String tag) {
        return jobs.list(caller.tenant(), tag).collectList().flatMap(all ->
                access.managedGroups(caller, JobAccess.groupIds(all)).map(managed -> all.stream()
                        .filter(j -> JobAccess.visible(caller, j, managed)).sorted(NEWEST_FIRST).toList()));
    }

    /** The request, 404 when the tag of the caller's tenant has none with this id, 403 when the caller may not see it. */
    public Mono<JobRequest> read(Caller caller, String tag, String requestId) {
        return jobs.find(caller.tenant(), tag, requestId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("JOB_REQUEST_NOT_FOUND",
                        "no job request " + requestId + " with tag " + tag)))
                .flatMap(job -> access.requireReader(caller, job).thenReturn(job));
    }

    /** The finished report's file, after recording the download in access_audit; 404 until the report is ready. */
    public Mono<Download> download(Caller caller, String tag, String requestId) {
        return read(caller, tag, requestId).flatMap(job -> {
            if (!JobRequest.SUCCESS.equals(job.status())) {
                return Mono.error(ApiException.notFound("REPORT_NOT_READY", "the report of request " + requestId
                        + " is not ready: its status is " + job.status()));
            }
            return files.newest(caller.tenant(), requestId)
                    .switchIfEmpty(Mono.error(() -> ApiException.notFound("REPORT_NOT_FOUND",
                            "no published report file for request " + requestId)))
                    .flatMap(published -> Mono.fromCallable(() -> store.file(requestId, published.path()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(file -> audit.record(caller, subject(job), published.path(), Instant.now(clock))
                                    .thenReturn(new Download(file, file.getFileName().toString(), published.path()))));
        });
    }

    /** The audit subject: the batch, group or course the report covers. */
    static String subject(JobRequest job) {
        Map<String, String> c = job.datasetConfig();
        return switch (Dataset.of(job.dataset()).map(Dataset::scope).orElse(Dataset.Scope.COURSE)) {
            case BATCH -> "batch:" + c.get("batchId");
            case GROUP -> "group:" + c.get(JobAccess.GROUP_ID);
            case COURSE -> "course:" + c.get("courseId");
        };
    }
}
