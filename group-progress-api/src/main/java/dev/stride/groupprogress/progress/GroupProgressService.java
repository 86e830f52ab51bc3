package dev.stride.groupprogress.progress;

import dev.stride.groupprogress.cache.Computed;
import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.groupprogress.group.GroupData;
import dev.stride.groupprogress.group.GroupRepository;
import dev.stride.groupprogress.group.Member;
import dev.stride.groupprogress.progress.EnrolmentReader.Enrolment;
import dev.stride.groupprogress.progress.GroupProgress.CourseProgress;
import dev.stride.groupprogress.progress.GroupProgress.CourseRef;
import dev.stride.groupprogress.progress.GroupProgress.CourseSummary;
import dev.stride.groupprogress.progress.GroupProgress.MemberProgress;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a group's progress from partition-key reads only: the group row, its members partition, then every
 * member's user_enrolments partition (all of a member's courses), {@code stride.progress.members-per-read} members
 * per request ({@code user_id IN}), at most {@code stride.progress.concurrency} requests in flight.
 */
@Service
public class GroupProgressService {

    // Best enrolment of a member in a course: the highest completion, then the most recent access.
    private static final Comparator<Enrolment> BEST = Comparator.comparingDouble(Enrolment::completionPercentage)
            .thenComparing(Enrolment::lastAccessTime, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final GroupRepository groups;
    private final EnrolmentReader enrolments;
    private final int concurrency;
    private final int membersPerRead;
    private final Clock clock;

    public GroupProgressService(GroupRepository groups, EnrolmentReader enrolments, StrideProperties props, Clock clock) {
        this.groups = groups;
        this.enrolments = enrolments;
        this.concurrency = props.progress().concurrency();
        this.membersPerRead = props.progress().membersPerRead();
        this.clock = clock;
    }

    public Mono<Computed<GroupProgress>> compute(String tenant, String groupId) {
        return groups.load(tenant, groupId).flatMap(g -> compute(tenant, g));
    }

    private Mono<Computed<GroupProgress>> compute(String tenant, GroupData g) {
        List<String> courseIds = g.group().courseIds();
        Set<String> wanted = Set.copyOf(courseIds);
        List<String> userIds = g.members().stream().map(Member::userId).toList();
        Map<String, String> courseNames = new ConcurrentHashMap<>();
        Map<String, List<Enrolment>> byUser = new ConcurrentHashMap<>();
        Flux<List<String>> reads = wanted.isEmpty() ? Flux.empty() : Flux.fromIterable(chunks(userIds, membersPerRead));
        return reads.flatMap(ids -> enrolments.ofUsers(tenant, ids), concurrency)
                .filter(e -> wanted.contains(e.courseId()))
                .doOnNext(e -> {
                    if (e.courseName() != null) {
                        courseNames.putIfAbsent(e.courseId(), e.courseName());
                    }
                    byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>(courseIds.size())).add(e);
                })
                .then(Mono.fromCallable(() -> {
                    List<MemberProgress> members = new ArrayList<>(g.members().size());
                    for (Member m : g.members()) { // the members partition's order, as before
                        members.add(member(m, byUser.getOrDefault(m.userId(), List.of()), courseIds));
                    }
                    List<CourseRef> courses = courseIds.stream().map(id -> new CourseRef(id, courseNames.get(id))).toList();
                    GroupProgress p = new GroupProgress(g.group().groupId(), g.group().name(), courses, members,
                            summary(courseIds, members), Instant.now(clock));
                    return new Computed<>(p, 2 + (wanted.isEmpty() ? 0 : g.members().size()), members.hashCode());
                }));
    }

    private static List<List<String>> chunks(List<String> ids, int size) {
        List<List<String>> out = new ArrayList<>((ids.size() + size - 1) / size);
        for (int i = 0; i < ids.size(); i += size) {
            out.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        return out;
    }

    private static MemberProgress member(Member m, List<Enrolment> list, List<String> courseIds) {
        List<CourseProgress> cells = new ArrayList<>(courseIds.size());
        for (String courseId : courseIds) {
            cells.add(list.stream().filter(e -> e.courseId().equals(courseId)).max(BEST)
                    .map(e -> new CourseProgress(courseId, true, e.batchId(), e.status(), e.completionPercentage(),
                            e.lastAccessTime(), e.totalScore()))
                    .orElseGet(() -> new CourseProgress(courseId, false, null, null, 0, null, null)));
        }
        return new MemberProgress(m.userId(), m.name(), m.role(), m.status(), cells);
    }

    private static List<CourseSummary> summary(List<String> courseIds, List<MemberProgress> members) {
        List<CourseSummary> out = new ArrayList<>(courseIds.size());
        for (int i = 0; i < courseIds.size(); i++) {
            int col = i;
            List<CourseProgress> enrolled = members.stream().map(m -> m.courses().get(col)).filter(CourseProgress::enrolled).toList();
            int completed = (int) enrolled.stream().filter(c -> c.status() != null && c.status() == 2).count();
            double mean = enrolled.stream().mapToDouble(CourseProgress::completionPercentage).average().orElse(0);
            out.add(new CourseSummary(courseIds.get(i), enrolled.size(), completed, Math.round(mean * 100) / 100.0));
        }
        return out;
    }
}
