package dev.stride.groupprogress.group;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A group with its members: what every group endpoint needs first (two partition reads). */
public record GroupData(Group group, List<Member> members) {

    public Map<String, String> rolesByUser() {
        return members.stream().collect(Collectors.toMap(Member::userId, Member::role));
    }
}
