package dev.stride.groupprogress.progress;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/group/activity/agg} in Sunbird's shape: {@code {groupId, activity{id, type, agg[]}, members[{userId,
 * name, role, status, createdBy, agg[]}]}}; {@code lastUpdatedOn} is epoch milliseconds as Sunbird sends it.
 * {@code activity} is null when the id is not a course of the group (answered 400 after the caller is authorised).
 */
public record ActivityAgg(String groupId, Activity activity, List<AggMember> members) {

    public record Metric(String metric, Number value, Long lastUpdatedOn) {
    }

    public record Activity(String id, String type, List<Metric> agg) {
    }

    public record AggMember(String userId, String name, String role, String status, String createdBy, List<Metric> agg) {
    }

    Map<String, String> rolesByUser() {
        return members.stream().collect(Collectors.toMap(AggMember::userId, AggMember::role));
    }
}
