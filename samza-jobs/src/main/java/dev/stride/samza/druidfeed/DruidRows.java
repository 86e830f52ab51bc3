package dev.stride.samza.druidfeed;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** Events to Druid rows: pure functions of the event (and the course tree), so a replay makes the same rows. */
public final class DruidRows {

    /** The field of a content's progressdetails holding seconds spent (as the progress aggregator reads it). */
    static final String DURATION_FIELD = "duration";

    private DruidRows() {
    }

    /** One row per content of the change; {@code tree} may be null (unknown course: no unit). */
    public static List<LearnerProgressRow> learnerRows(ContentStateEvent e, CourseTree tree) {
        String ts = e.eventTime().toString();
        return e.contents().stream().map(c -> new LearnerProgressRow(ts, e.tenantId(), e.courseId(), e.batchId(),
                unitOf(tree, c.contentId()), e.userId(), c.contentId(), c.status(), c.progress(),
                durationSeconds(c.progressDetails()), rowId(e.eventId(), c.contentId()))).toList();
    }

    public static EnrolmentProgressRow enrolmentRow(EnrolmentProgressEvent e) {
        return new EnrolmentProgressRow(e.eventTime().toString(), e.tenantId(), e.courseId(), e.batchId(), e.userId(),
                e.completionPercentage(), e.status(), e.completedCount(), e.leafNodesCount(),
                e.completedOn() == null ? null : e.completedOn().toString(), e.timeSpentSeconds(), e.version(),
                e.eventId());
    }

    /** {@code eventId:contentId}: an event lists a content once, and the event id is deterministic per request. */
    static String rowId(String eventId, String contentId) {
        return eventId + ":" + contentId;
    }

    static String unitOf(CourseTree tree, String contentId) {
        if (tree == null) {
            return "";
        }
        Set<String> units = tree.unitsOf(contentId); // outermost first
        return units.isEmpty() ? "" : units.iterator().next();
    }

    /** Whole seconds in a progressdetails JSON object's {@value #DURATION_FIELD}; 0 when absent or not JSON. */
    static long durationSeconds(String progressDetails) {
        if (progressDetails == null || progressDetails.isBlank()) {
            return 0;
        }
        try {
            JsonNode d = Json.MAPPER.readTree(progressDetails).get(DURATION_FIELD);
            return d != null && d.isNumber() && d.asDouble() > 0 ? (long) Math.floor(d.asDouble()) : 0;
        } catch (JacksonException e) {
            return 0; // progressdetails is the client's opaque text
        }
    }
}
