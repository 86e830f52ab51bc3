package dev.stride.groupprogress.group;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/group/read/{groupId}}: the group with its members and its Course activities. */
public record GroupView(String id, String name, String description, String status, String createdBy,
                        Instant createdOn, Instant updatedOn, List<MemberView> members, List<ActivityView> activities) {

    public record MemberView(String userId, String name, String role, String status, String createdBy) {
    }

    public record ActivityView(String id, String type) {
    }

    static GroupView of(GroupData d) {
        Group g = d.group();
        return new GroupView(g.groupId(), g.name(), g.description(), g.status(), g.createdBy(), g.createdAt(),
                g.updatedAt(),
                d.members().stream().map(m -> new MemberView(m.userId(), m.name(), m.role(), m.status(), m.addedBy())).toList(),
                g.activities().entrySet().stream().map(e -> new ActivityView(e.getKey(), e.getValue())).toList());
    }
}
