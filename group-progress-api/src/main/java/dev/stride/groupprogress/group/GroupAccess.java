package dev.stride.groupprogress.group;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;

import java.util.Map;

/**
 * Who may see or manage a group of the caller's tenant (another tenant's group is never loaded: 404 before this).
 * Reading the group: its members and ORG_ADMIN. Its members' progress and its membership: its admins and ORG_ADMIN.
 */
public final class GroupAccess {

    private GroupAccess() {
    }

    public static void requireReader(Caller caller, Map<String, String> rolesByUser) {
        if (!caller.hasAnyRole(Caller.ORG_ADMIN) && !rolesByUser.containsKey(caller.userId())) {
            throw ApiException.forbidden("only members of the group and ORG_ADMIN may read it");
        }
    }

    public static void requireManager(Caller caller, Map<String, String> rolesByUser) {
        if (!caller.hasAnyRole(Caller.ORG_ADMIN) && !Member.ADMIN.equals(rolesByUser.get(caller.userId()))) {
            throw ApiException.forbidden("only admins of the group and ORG_ADMIN may see its members' progress"
                    + " or change its membership");
        }
    }
}
