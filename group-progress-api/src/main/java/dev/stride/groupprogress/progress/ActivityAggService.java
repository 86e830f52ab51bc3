package dev.stride.groupprogress.progress;

import dev.stride.groupprogress.cache.Computed;
import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.groupprogress.group.Group;
import dev.stride.groupprogress.group.GroupData;
import dev.stride.groupprogress.group.GroupRepository;
import dev.stride.groupprogress.group.Member;
import dev.stride.groupprogress.progress.ActivityAgg.Activity;
import dev.stride.groupprogress.progress.ActivityAgg.AggMember;
import dev.stride.groupprogress.progress.ActivityAgg.Metric;
import dev.stride.groupprogress.progress.ActivityAggReader.ContextAgg;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sunbird's group activity aggregates: the group's members, then one user_activity_agg partition per member for the
 * course, in parallel. A member in several batches of the course is shown with the batch where they completed most.
 * enrolmentCount counts the members with aggregates for the course, as Sunbird does.
 */
@Service
public class ActivityAggService {

    static final String COMPLETED_COUNT = "completedCount";
    static final String COMPLETION_PERCENTAGE = "completionPercentage";
    private static final Comparator<ContextAgg> MOST_COMPLETED =
            Comparator.comparingDouble(c -> c.aggregates().getOrDefault(COMPLETED_COUNT, 0.0));

    private final GroupRepository groups;
    private final ActivityAggReader aggs;
    private final int concurrency;
    private final Clock clock;

    public ActivityAggService(GroupRepository groups, ActivityAggReader aggs, StrideProperties props, Clock clock) {
        this.groups = groups;
        this.aggs = aggs;
        this.concurrency = props.progress().concurrency();
        this.clock = clock;
    }

    public Mono<Computed<ActivityAgg>> compute(String tenant, String groupId, String activityId) {
        return groups.load(tenant, groupId).flatMap(g -> Group.COURSE.equals(g.group().activities().get(activityId))
                ? compute(tenant, g, activityId)
                : Mono.just(new Computed<>(new ActivityAgg(groupId, null, g.members().stream()
                        .map(m -> member(m, List.of())).toList()), 2, 0)));
    }

    private record MemberRows(Member member, List<ContextAgg> rows) {
    }

    private Mono<Computed<ActivityAgg>> compute(String tenant, GroupData g, String activityId) {
        return Flux.fromIterable(g.members())
                .flatMapSequential(m -> aggs.of(tenant, Group.COURSE, activityId, m.userId()).collectList()
                        .map(rows -> new MemberRows(m, rows)), concurrency)
                .collectList()
                .map(all -> {
                    List<AggMember> members = all.stream().map(mr -> member(mr.member(),
                            metrics(mr.rows().stream().max(MOST_COMPLETED).orElseGet(ActivityAggService::none)))).toList();
                    long enrolled = all.stream().filter(mr -> !mr.rows().isEmpty()).count();
                    Activity activity = new Activity(activityId, Group.COURSE,
                            List.of(new Metric("enrolmentCount", enrolled, Instant.now(clock).toEpochMilli())));
                    return new Computed<>(new ActivityAgg(g.group().groupId(), activity, members), 2 + all.size(), members.hashCode());
                });
    }

    private static AggMember member(Member m, List<Metric> agg) {
        return new AggMember(m.userId(), m.name(), m.role(), m.status(), m.addedBy(), agg);
    }

    private static ContextAgg none() {
        return new ContextAgg(null, Map.of(COMPLETED_COUNT, 0.0, COMPLETION_PERCENTAGE, 0.0), Map.of());
    }

    private static List<Metric> metrics(ContextAgg row) {
        List<Metric> out = new ArrayList<>(2);
        for (String name : List.of(COMPLETED_COUNT, COMPLETION_PERCENTAGE)) {
            Double v = row.aggregates().get(name);
            if (v != null) {
                Instant at = row.lastUpdated().get(name);
                Number value = COMPLETED_COUNT.equals(name) ? (Number) Math.round(v) : v;
                out.add(new Metric(name, value, at == null ? null : at.toEpochMilli()));
            }
        }
        return out;
    }
}
