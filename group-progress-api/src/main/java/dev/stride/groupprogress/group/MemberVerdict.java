package dev.stride.groupprogress.group;

/**
 * The outcome for one user of a membership update: {@code result} is SUCCESS or a stable code
 * (USER_NOT_FOUND, ALREADY_MEMBER, NOT_A_MEMBER), like content-state update's per-content verdicts.
 */
public record MemberVerdict(String userId, String action, String result) {

    public static final String SUCCESS = "SUCCESS";
}
