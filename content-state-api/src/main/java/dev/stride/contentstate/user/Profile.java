package dev.stride.contentstate.user;

/** A user's profile: the fields reports show, copied into enrolments_by_batch. */
public record Profile(String userId, String name, String email, String orgName, String schoolId, String schoolName,
                      String district, String state, String block, String cluster, String userType,
                      String userSubType) {

    /** Only a name (from the token's {@code name} claim) when no profile was stored. */
    public static Profile named(String userId, String name) {
        return new Profile(userId, name, null, null, null, null, null, null, null, null, null, null);
    }

    public Profile withUserId(String id) {
        return new Profile(id, name, email, orgName, schoolId, schoolName, district, state, block, cluster, userType,
                userSubType);
    }

    /** In the column order of {@link #COLUMNS}. */
    public Object[] values() {
        return new Object[]{name, email, orgName, schoolId, schoolName, district, state, block, cluster, userType,
                userSubType};
    }

    public static final String COLUMNS = "name, email, org_name, school_id, school_name, district, state, block,"
            + " cluster, user_type, user_sub_type";
}
