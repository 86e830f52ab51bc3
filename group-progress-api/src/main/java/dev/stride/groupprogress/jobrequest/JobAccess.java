package dev.stride.groupprogress.jobrequest;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.group.GroupRepository;
import dev.stride.groupprogress.group.Member;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may request and read a report: batch and course datasets ORG_ADMIN and INSTRUCTOR of the tenant; group
 * datasets ORG_ADMIN and the group's admins (as for the group's live progress). Everyone else gets 403.
 */
@Component
public class JobAccess {

    static final String GROUP_ID = "groupId";

    private final GroupRepository groups;

    public JobAccess(GroupRepository groups) {
        this.groups = groups;
    }

    /** 403 unless the caller is staff of the tenant (batch and course datasets). */
    public static void requireStaff(Caller caller, Dataset dataset) {
        if (!caller.hasAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR)) {
            throw ApiException.forbidden(dataset.id() + " reports are for ORG_ADMIN and INSTRUCTOR");
        }
    }

    /** 403 unless the caller may see this request and its report. */
    public Mono<Void> requireReader(Caller caller, JobRequest job) {
        return managedGroups(caller, groupIds(List.of(job))).flatMap(managed -> visible(caller, job, managed)
                ? Mono.<Void>empty() : Mono.error(ApiException.forbidden(refusal(job))));
    }

    private static String refusal(JobRequest job) {
        return Dataset.GROUP_PROGRESS.id().equals(job.dataset()) ? "only admins of the group and ORG_ADMIN may see its reports"
                : job.dataset() + " reports are for ORG_ADMIN and INSTRUCTOR";
    }

    /** The group ids (of those asked) whose reports the caller may see; a group that no longer exists is none of them. */
    public Mono<Set<String>> managedGroups(Caller caller, Collection<String> groupIds) {
        if (caller.hasAnyRole(Caller.ORG_ADMIN)) {
            return Mono.just(Set.copyOf(groupIds));
        }
        return Flux.fromIterable(groupIds)
                .flatMap(id -> groups.load(caller.tenant(), id)
                        .filter(d -> Member.ADMIN.equals(d.rolesByUser().get(caller.userId())))
                        .map(d -> id)
                        .onErrorResume(ApiException.class, e -> Mono.empty()), 8)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Set<String> groupIds(Collection<JobRequest> jobs) {
        return jobs.stream().filter(j -> Dataset.GROUP_PROGRESS.id().equals(j.dataset()))
                .map(j -> j.datasetConfig().get(GROUP_ID)).filter(id -> id != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static boolean visible(Caller caller, JobRequest job, Set<String> managedGroups) {
        return Dataset.of(job.dataset()).map(d -> switch (d.scope()) {
            case BATCH, COURSE -> caller.hasAnyRole(Caller.ORG_ADMIN, Caller.INSTRUCTOR);
            case GROUP -> managedGroups.contains(job.datasetConfig().get(GROUP_ID));
        }).orElse(caller.hasAnyRole(Caller.ORG_ADMIN));
    }
}
