package dev.stride.core.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.ids.Ids;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Topic {@link Topics#COURSE_STRUCTURE} (compacted), key {@code tenant|course}: the whole current tree of a course,
 * published on every hierarchy change; consumers recompute completion of every enrolment of the course.
 * A deleted course is a tombstone (null value) under the same key.
 *
 * @param root the course node (identifier = courseId) with its units and leaves
 */
public record CourseStructureEvent(int schemaVersion, String eventId, String tenantId, Instant eventTime,
                                   Instant ingestTime, String courseId, String name, CourseNode root,
                                   @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements StrideEvent {

    public static final int SCHEMA_VERSION = 1;

    public CourseStructureEvent {
        extra = Extra.copy(extra);
    }

    /** A new event (random eventId) for the given tree. */
    public static CourseStructureEvent of(String tenantId, CourseTree tree, Instant eventTime, Instant ingestTime) {
        Objects.requireNonNull(tree, "tree");
        return new CourseStructureEvent(SCHEMA_VERSION, Ids.newEventId(), tenantId, eventTime, ingestTime,
                tree.courseId(), tree.name(), tree.root(), Map.of());
    }

    /** The indexed tree (built on each call: cache it if called often). */
    @JsonIgnore
    public CourseTree tree() {
        return CourseTree.of(root);
    }

    @Override
    @JsonIgnore
    public String topic() {
        return Topics.COURSE_STRUCTURE;
    }

    @Override
    @JsonIgnore
    public String key() {
        return EventKeys.courseKey(tenantId, courseId);
    }
}
