package dev.stride.core.event;

import dev.stride.core.ids.Ids;

import java.util.List;

/**
 * Kafka message keys: ids joined by {@code |}. {@link Ids} never contain {@code |}, so a key splits back
 * unambiguously; every part is checked, and a malformed id throws IllegalArgumentException.
 */
public final class EventKeys {

    public static final String SEPARATOR = "|";

    private EventKeys() {
    }

    /** {@code tenant|user|course|batch}: all events of one enrolment land in one partition, in order. */
    public static String enrolmentKey(String tenantId, String userId, String courseId, String batchId) {
        return Ids.requireValid("tenantId", tenantId) + SEPARATOR + Ids.requireValid("userId", userId)
                + SEPARATOR + Ids.requireValid("courseId", courseId) + SEPARATOR + Ids.requireValid("batchId", batchId);
    }

    /** {@code tenant|course}: the compaction key of {@link Topics#COURSE_STRUCTURE}. */
    public static String courseKey(String tenantId, String courseId) {
        return Ids.requireValid("tenantId", tenantId) + SEPARATOR + Ids.requireValid("courseId", courseId);
    }

    /** The parts of a key, in order. */
    public static List<String> split(String key) {
        return List.of(key.split("\\|", -1));
    }
}
