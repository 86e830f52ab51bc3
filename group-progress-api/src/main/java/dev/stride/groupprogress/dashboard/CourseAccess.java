package dev.stride.groupprogress.dashboard;

import dev.stride.core.ids.Ids;
import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.group.Group;
import dev.stride.groupprogress.group.GroupAccess;
import dev.stride.groupprogress.group.GroupRepository;
import dev.stride.groupprogress.group.Member;
import dev.stride.api.web.ApiException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sees a batch's learners: INSTRUCTOR and ORG_ADMIN of the tenant see all of them (or one group's, with
 * {@code groupId}); a GROUP_ADMIN only the members of a group they administer that follows the course, and must
 * name it; everyone else gets 403.
 */
@Component
public class CourseAccess {

    private final GroupRepository groups;

    public CourseAccess(GroupRepository groups) {
        this.groups = groups;
    }

    /** Empty: every learner of the batch; otherwise the user ids the caller may see. */
    public Mono<Optional<Set<String>>> visibleLearners(Caller caller, String courseId, String groupId) {
        boolean staff = caller.hasAnyRole(Caller.INSTRUCTOR, Caller.ORG_ADMIN);
        if (!staff && !caller.hasAnyRole(Caller.GROUP_ADMIN)) {
            return Mono.error(ApiException.forbidden("the batch dashboard is for INSTRUCTOR, ORG_ADMIN and GROUP_ADMIN"));
        }
        if (groupId == null) {
            return staff ? Mono.just(Optional.empty())
                    : Mono.error(ApiException.forbidden("a GROUP_ADMIN sees a batch through one of their groups: add groupId"));
        }
        Ids.check("groupId", groupId).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        return groups.load(caller.tenant(), groupId).map(d -> {
            if (!staff) {
                GroupAccess.requireManager(caller, d.rolesByUser());
            }
            if (!Group.COURSE.equals(d.group().activities().get(courseId))) {
                throw ApiException.forbidden("group " + groupId + " does not follow course " + courseId);
            }
            return Optional.of(d.members().stream().map(Member::userId).collect(Collectors.toUnmodifiableSet()));
        });
    }
}
