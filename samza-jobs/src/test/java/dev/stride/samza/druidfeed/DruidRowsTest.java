package dev.stride.samza.druidfeed;

import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DruidRowsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final CourseTree TREE = CourseTree.of("c1", "Course", List.of(
            CourseNode.unit("u1", CourseNode.unit("u1.1", CourseNode.leaf("a"))), CourseNode.leaf("q")));

    private static ContentStateEvent event(String progressDetails) {
        return ContentStateEvent.of("t1", "learner", "c1", "b1", "req-1", List.of(
                new ContentState("a", 2, 100, 1, 1, AT, AT, progressDetails),
                new ContentState("q", 1, 40, 1, 0, AT, null, null)), List.of(), AT, AT.plusSeconds(1));
    }

    @Test
    void oneRowPerContentWithItsOutermostUnitAndADeterministicRowId() {
        ContentStateEvent e = event("{\"duration\":42.9}");
        List<LearnerProgressRow> rows = DruidRows.learnerRows(e, TREE);
        assertThat(rows).containsExactly(
                new LearnerProgressRow("2026-03-01T10:00:00Z", "t1", "c1", "b1", "u1", "learner", "a", 2, 100, 42,
                        e.eventId() + ":a"),
                new LearnerProgressRow("2026-03-01T10:00:00Z", "t1", "c1", "b1", "", "learner", "q", 1, 40, 0,
                        e.eventId() + ":q"));
        assertThat(DruidRows.learnerRows(event("{\"duration\":42.9}"), TREE)).isEqualTo(rows); // a replay: same rows
    }

    @Test
    void anUnknownTreeLeavesTheUnitEmptyAndOpaqueProgressDetailsCountNoTime() {
        List<LearnerProgressRow> rows = DruidRows.learnerRows(event("not json"), null);
        assertThat(rows).extracting(LearnerProgressRow::unitId).containsExactly("", "");
        assertThat(rows).extracting(LearnerProgressRow::timeSpentSeconds).containsExactly(0L, 0L);
    }

    @Test
    void anEnrolmentSnapshotKeepsItsEventIdAsRowIdAndSerialisesWithDruidColumnNames() {
        EnrolmentProgressEvent e = new EnrolmentProgressEvent(1, EnrolmentProgressEvent.eventId("t1", "l", "c1", "b1", 3),
                "t1", AT, AT, "l", "c1", "b1", 3, 2, 5, 5, 100.0, AT, AT, "q", 2, Map.of(), Map.of(), Map.of(), 0, 90,
                Map.of());
        EnrolmentProgressRow row = DruidRows.enrolmentRow(e);
        assertThat(row.rowId()).isEqualTo(e.eventId());
        String json = Json.write(row);
        assertThat(json).contains("\"ts\":\"2026-03-01T10:00:00Z\"", "\"course_id\":\"c1\"", "\"completion_percentage\":100.0",
                "\"completed_on\":\"2026-03-01T10:00:00Z\"", "\"time_spent_seconds\":90", "\"version\":3",
                "\"row_id\":\"" + e.eventId() + "\"");
    }
}
