package dev.stride.groupprogress.group;

import dev.stride.core.validation.FieldError;
import dev.stride.api.auth.Caller;
import dev.stride.groupprogress.group.GroupRequests.MemberInput;
import dev.stride.groupprogress.progress.ProgressCaches;
import dev.stride.groupprogress.user.UserRepository;
import dev.stride.groupprogress.user.UserRepository.KnownUser;
import dev.stride.api.web.ApiException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Creating groups, reading them, changing their membership (which evicts the group's cached answers). */
@Service
public class GroupService {

    private final GroupRepository groups;
    private final UserRepository users;
    private final ProgressCaches caches;
    private final Clock clock;

    public GroupService(GroupRepository groups, UserRepository users, ProgressCaches caches, Clock clock) {
        this.groups = groups;
        this.users = users;
        this.caches = caches;
        this.clock = clock;
    }

    /** The creator becomes an admin member, as in Sunbird; every listed member must be a user of the tenant. */
    public Mono<String> create(Caller caller, GroupRequests.Create req) {
        caller.requireAnyRole(Caller.ORG_ADMIN, Caller.GROUP_ADMIN, Caller.INSTRUCTOR);
        List<FieldError> errors = req.errors();
        if (!errors.isEmpty()) {
            return Mono.error(ApiException.invalid(errors));
        }
        List<MemberInput> inputs = req.membersOrEmpty();
        String tenant = caller.tenant();
        List<String> lookUp = new ArrayList<>(inputs.stream().map(MemberInput::userId).toList());
        lookUp.add(caller.userId());
        return users.known(tenant, lookUp).flatMap(known -> {
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (!known.containsKey(inputs.get(i).userId())) {
                    unknown.add(new FieldError("request.members[" + i + "].userId",
                            "is not a user of this tenant: " + inputs.get(i).userId()));
                }
            }
            if (!unknown.isEmpty()) {
                return Mono.error(ApiException.invalid(unknown));
            }
            Instant now = clock.instant();
            Map<String, String> activities = new LinkedHashMap<>();
            req.activitiesOrEmpty().forEach(a -> activities.put(a.id(), a.type()));
            Group group = new Group(UUID.randomUUID().toString(), req.name().strip(), req.description(), Member.ACTIVE,
                    caller.userId(), now, now, activities);
            Map<String, Member> members = new LinkedHashMap<>();
            String creatorName = known.containsKey(caller.userId()) ? known.get(caller.userId()).name() : caller.name();
            members.put(caller.userId(), new Member(caller.userId(), creatorName, Member.ADMIN, Member.ACTIVE,
                    caller.userId(), now));
            for (MemberInput m : inputs) {
                members.putIfAbsent(m.userId(), new Member(m.userId(), known.get(m.userId()).name(), m.roleOrDefault(),
                        Member.ACTIVE, caller.userId(), now));
            }
            return groups.create(tenant, group, List.copyOf(members.values())).thenReturn(group.groupId());
        });
    }

    public Mono<GroupView> read(Caller caller, String groupId) {
        return groups.load(caller.tenant(), groupId).map(d -> {
            GroupAccess.requireReader(caller, d.rolesByUser());
            return GroupView.of(d);
        });
    }

    /** One verdict per named user; valid changes are written together even when others are refused. */
    public Mono<List<MemberVerdict>> updateMembership(Caller caller, GroupRequests.Membership req) {
        List<FieldError> errors = req.errors();
        if (!errors.isEmpty()) {
            return Mono.error(ApiException.invalid(errors));
        }
        String tenant = caller.tenant();
        return groups.load(tenant, req.groupId()).flatMap(d -> {
            GroupAccess.requireManager(caller, d.rolesByUser());
            List<String> addIds = req.members().addOrEmpty().stream().map(MemberInput::userId).toList();
            return users.known(tenant, addIds).flatMap(known -> apply(caller, d, req.members(), known));
        });
    }

    private Mono<List<MemberVerdict>> apply(Caller caller, GroupData d, GroupRequests.Membership.Changes changes,
                                            Map<String, KnownUser> known) {
        Map<String, Member> current = d.members().stream().collect(Collectors.toMap(Member::userId, Function.identity()));
        Instant now = clock.instant();
        List<MemberVerdict> verdicts = new ArrayList<>();
        List<Member> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (MemberInput m : changes.addOrEmpty()) {
            String result = !known.containsKey(m.userId()) ? "USER_NOT_FOUND"
                    : current.containsKey(m.userId()) ? "ALREADY_MEMBER" : MemberVerdict.SUCCESS;
            if (result.equals(MemberVerdict.SUCCESS)) {
                upserts.add(new Member(m.userId(), known.get(m.userId()).name(), m.roleOrDefault(), Member.ACTIVE,
                        caller.userId(), now));
            }
            verdicts.add(new MemberVerdict(m.userId(), "add", result));
        }
        for (MemberInput m : changes.editOrEmpty()) {
            Member was = current.get(m.userId());
            if (was != null) {
                upserts.add(new Member(was.userId(), was.name(), m.roleOrDefault(), was.status(), was.addedBy(), was.addedAt()));
            }
            verdicts.add(new MemberVerdict(m.userId(), "edit", was == null ? "NOT_A_MEMBER" : MemberVerdict.SUCCESS));
        }
        for (String userId : changes.removeOrEmpty()) {
            boolean member = current.containsKey(userId);
            if (member) {
                removals.add(userId);
            }
            verdicts.add(new MemberVerdict(userId, "remove", member ? MemberVerdict.SUCCESS : "NOT_A_MEMBER"));
        }
        if (upserts.isEmpty() && removals.isEmpty()) {
            return Mono.just(verdicts);
        }
        return groups.changeMembers(caller.tenant(), d.group(), upserts, removals)
                .then(caches.evictGroup(caller.tenant(), d.group()))
                .thenReturn(verdicts);
    }
}
