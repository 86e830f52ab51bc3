package dev.stride.groupprogress.group;

import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The request bodies of the group endpoints and their shape checks (existence checks need the tables). */
public final class GroupRequests {

    // Bounds keep one group's progress computation and its cached answer small (Sunbird's default is 150 members).
    public static final int MAX_MEMBERS = 1000;
    public static final int MAX_ACTIVITIES = 50;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private GroupRequests() {
    }

    public record MemberInput(String userId, String role) {

        /** Sunbird's default role is member. */
        public String roleOrDefault() {
            return role == null ? Member.MEMBER : role;
        }
    }

    public record ActivityInput(String id, String type) {
    }

    /** {@code POST /v1/group/create}: request{name, description?, members[{userId, role}], activities[{id, type}]}. */
    public record Create(String name, String description, List<MemberInput> members, List<ActivityInput> activities) {

        public List<MemberInput> membersOrEmpty() {
            return members == null ? List.of() : members;
        }

        public List<ActivityInput> activitiesOrEmpty() {
            return activities == null ? List.of() : activities;
        }

        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            if (name == null || name.isBlank()) {
                errors.add(new FieldError("request.name", "is required"));
            } else if (name.length() > MAX_NAME) {
                errors.add(new FieldError("request.name", "must be at most " + MAX_NAME + " characters"));
            }
            if (description != null && description.length() > MAX_DESCRIPTION) {
                errors.add(new FieldError("request.description", "must be at most " + MAX_DESCRIPTION + " characters"));
            }
            checkMembers("request.members", membersOrEmpty(), errors);
            List<ActivityInput> acts = activitiesOrEmpty();
            if (acts.size() > MAX_ACTIVITIES) {
                errors.add(new FieldError("request.activities", "must hold at most " + MAX_ACTIVITIES + " activities"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < acts.size(); i++) {
                String field = "request.activities[" + i + "]";
                ActivityInput a = acts.get(i);
                if (a == null) {
                    errors.add(new FieldError(field, "is required"));
                    continue;
                }
                Ids.check(field + ".id", a.id()).ifPresent(errors::add);
                if (!Group.COURSE.equals(a.type())) {
                    errors.add(new FieldError(field + ".type", "must be Course"));
                }
                if (a.id() != null && !seen.add(a.id())) {
                    errors.add(new FieldError(field + ".id", "is listed twice: " + a.id()));
                }
            }
            return errors;
        }
    }

    /** {@code PATCH /v1/group/membership/update}: request{groupId, members{add[], edit[], remove[userId]}}. */
    public record Membership(String groupId, Changes members) {

        public record Changes(List<MemberInput> add, List<MemberInput> edit, List<String> remove) {

            public List<MemberInput> addOrEmpty() {
                return add == null ? List.of() : add;
            }

            public List<MemberInput> editOrEmpty() {
                return edit == null ? List.of() : edit;
            }

            public List<String> removeOrEmpty() {
                return remove == null ? List.of() : remove;
            }
        }

        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            Ids.check("request.groupId", groupId).ifPresent(errors::add);
            if (members == null || members.addOrEmpty().isEmpty() && members.editOrEmpty().isEmpty()
                    && members.removeOrEmpty().isEmpty()) {
                errors.add(new FieldError("request.members", "must contain at least one of add, edit, remove"));
                return errors;
            }
            checkMembers("request.members.add", members.addOrEmpty(), errors);
            checkMembers("request.members.edit", members.editOrEmpty(), errors);
            List<String> remove = members.removeOrEmpty();
            for (int i = 0; i < remove.size(); i++) {
                Ids.check("request.members.remove[" + i + "]", remove.get(i)).ifPresent(errors::add);
            }
            Set<String> seen = new HashSet<>();
            members.addOrEmpty().stream().filter(m -> m != null && m.userId() != null).forEach(m -> once(m.userId(), seen, errors));
            members.editOrEmpty().stream().filter(m -> m != null && m.userId() != null).forEach(m -> once(m.userId(), seen, errors));
            remove.stream().filter(id -> id != null).forEach(id -> once(id, seen, errors));
            return errors;
        }

        private static void once(String userId, Set<String> seen, List<FieldError> errors) {
            if (!seen.add(userId)) {
                errors.add(new FieldError("request.members", "names user " + userId + " more than once"));
            }
        }
    }

    static void checkMembers(String path, List<MemberInput> members, List<FieldError> errors) {
        if (members.size() > MAX_MEMBERS) {
            errors.add(new FieldError(path, "must hold at most " + MAX_MEMBERS + " members"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String field = path + "[" + i + "]";
            MemberInput m = members.get(i);
            if (m == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            Ids.check(field + ".userId", m.userId()).ifPresent(errors::add);
            if (!Member.ADMIN.equals(m.roleOrDefault()) && !Member.MEMBER.equals(m.roleOrDefault())) {
                errors.add(new FieldError(field + ".role", "must be admin or member"));
            }
            if (m.userId() != null && !seen.add(m.userId())) {
                errors.add(new FieldError(field + ".userId", "is listed twice: " + m.userId()));
            }
        }
    }
}
