package dev.stride.groupprogress.group;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of groups; {@code activities} maps an activity id to its type ({@code Course}). */
public record Group(String groupId, String name, String description, String status, String createdBy,
                    Instant createdAt, Instant updatedAt, Map<String, String> activities) {

    public static final String COURSE = "Course";

    /** The group's courses, in activity id order (the map is read sorted). */
    public List<String> courseIds() {
        return activities.entrySet().stream().filter(e -> COURSE.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
