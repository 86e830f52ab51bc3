package dev.stride.groupprogress.group;

import java.time.Instant;

/** One row of group_members: role {@code admin} or {@code member}; name copied from users when added. */
public record Member(String userId, String name, String role, String status, String addedBy, Instant addedAt) {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String ACTIVE = "active";
}
