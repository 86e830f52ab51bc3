package dev.stride.api.auth;

import dev.stride.api.web.ApiException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** Who is calling, from the verified token: every query is scoped by {@link #tenant()}. */
public record Caller(String userId, String tenant, Set<String> roles, String name) {

    public static final String ORG_ADMIN = "ORG_ADMIN";
    public static final String INSTRUCTOR = "INSTRUCTOR";
    public static final String GROUP_ADMIN = "GROUP_ADMIN";
    public static final String OPS = "OPS";

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("tenant"),
                roles == null ? Set.of() : Set.copyOf(roles), jwt.getClaimAsString("name"));
    }

    public boolean hasAnyRole(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** 403 unless the caller has one of the roles. */
    public void requireAnyRole(String... wanted) {
        if (!hasAnyRole(wanted)) {
            throw ApiException.forbidden("this operation needs one of the roles " + String.join(", ", wanted));
        }
    }

    /** A learner touches only their own data; ORG_ADMIN and INSTRUCTOR act on learners of their tenant. */
    public void requireSelfOrStaff(String userId, String field) {
        if (!this.userId.equals(userId) && !hasAnyRole(ORG_ADMIN, INSTRUCTOR)) {
            throw ApiException.forbidden(field + " must be the caller's own user id");
        }
    }
}
