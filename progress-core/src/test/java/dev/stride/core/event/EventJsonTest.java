package dev.stride.core.event;

import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.content.ContentUpdate;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.stride.core.course.CourseNode.leaf;
import static dev.stride.core.course.CourseNode.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2020-11-23T12:58:35.179Z");
    private static final Instant INGEST = Instant.parse("2020-11-23T12:58:36Z");

    private static ContentStateEvent contentStateEvent() {
        ContentState state = ContentStateMerge.apply(null,
                new ContentUpdate("req-1", "do_1", 2, null, AT, "{\"pos\":3}"), Clock.fixed(AT, ZoneOffset.UTC));
        ContentStateEvent.Question q1 = new ContentStateEvent.Question("q1", "2+2", "mcq", 1, 1, 4.5, AT,
                Json.MAPPER.readTree("[{\"1\":\"{\\\"text\\\":\\\"4\\\"}\"}]"), Map.of());
        ContentStateEvent.Question q1Again = new ContentStateEvent.Question("q1", "2+2", "mcq", 1, 0, 2.0,
                AT.minusSeconds(10), null, Map.of());
        ContentStateEvent.Question q2 = new ContentStateEvent.Question("q2", "3+3", "mcq", 2, 1, null, AT, null, Map.of());
        ContentStateEvent.Attempt attempt = ContentStateEvent.Attempt.of("do_quiz", "att-1", AT, List.of(q1, q2, q1Again));
        return ContentStateEvent.of("tenant1", "user1", "do_course", "batch1", "req-1", List.of(state),
                List.of(attempt), AT, INGEST);
    }

    @Test
    void contentStateEventRoundTrips() {
        ContentStateEvent e = contentStateEvent();
        String json = Json.write(e);

        assertThat(Json.read(json, ContentStateEvent.class)).isEqualTo(e);
        assertThat(e.topic()).isEqualTo("stride.content-state");
        assertThat(e.key()).isEqualTo("tenant1|user1|do_course|batch1");
        assertThat(e.contentStatus()).isEqualTo(Map.of("do_1", 2));
    }

    @Test
    void writesIsoInstantsAndTheCommonFields() {
        JsonNode tree = Json.MAPPER.readTree(Json.write(contentStateEvent()));
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(tree.get("eventTime").asString()).isEqualTo("2020-11-23T12:58:35.179Z");
        assertThat(tree.get("ingestTime").asString()).isEqualTo("2020-11-23T12:58:36Z");
        assertThat(tree.get("tenantId").asString()).isEqualTo("tenant1");
        assertThat(tree.get("contents").get(0).get("viewCount").asInt()).isEqualTo(1);
        assertThat(tree.get("contents").get(0).get("lastCompletedTime").asString()).isEqualTo("2020-11-23T12:58:35.179Z");
        assertThat(tree.has("topic")).isFalse();
        assertThat(tree.has("key")).isFalse();
        assertThat(tree.has("extra")).isFalse();
        assertThat(tree.has("contentStatus")).isFalse();
    }

    @Test
    void eventIdIsDeterministicPerRequestAndEnrolment() {
        assertThat(contentStateEvent().eventId()).isEqualTo(contentStateEvent().eventId());
        assertThat(ContentStateEvent.eventId("tenant1", "user1", "do_course", "batch2", "req-1"))
                .isNotEqualTo(contentStateEvent().eventId());
    }

    @Test
    void attemptTotalsCountEachQuestionOnceWithItsLatestAnswer() {
        ContentStateEvent.Attempt a = contentStateEvent().assessments().get(0);
        assertThat(a.questions()).hasSize(2);
        assertThat(a.totalScore()).isEqualTo(2.0);
        assertThat(a.totalMaxScore()).isEqualTo(3.0);
        assertThat(a.toAssessmentAttempt().totalScore()).isEqualTo(2.0);
    }

    @Test
    void unknownFieldsAreKeptAtEveryLevel() {
        String json = Json.write(contentStateEvent());
        JsonNode tree = Json.MAPPER.readTree(json);
        ((tools.jackson.databind.node.ObjectNode) tree).put("futureField", "kept").putObject("nested").put("n", 1);
        ((tools.jackson.databind.node.ObjectNode) tree.get("contents").get(0)).put("rating", 5);
        ((tools.jackson.databind.node.ObjectNode) tree.get("assessments").get(0).get("questions").get(0))
                .putArray("params").add("p");

        ContentStateEvent read = Json.read(Json.MAPPER.writeValueAsString(tree), ContentStateEvent.class);

        assertThat(read.extra()).containsEntry("futureField", "kept").containsKey("nested");
        assertThat(read.contents().get(0).extra()).containsEntry("rating", 5);
        JsonNode again = Json.MAPPER.readTree(Json.write(read));
        assertThat(again).isEqualTo(tree);
    }

    @Test
    void courseStructureEventRoundTripsTheTree() {
        CourseTree tree = CourseTree.of("do_course", "Course", List.of(
                unit("u1", leaf("a"), new CourseNode("q", "Quiz", "application/vnd.sunbird.questionset", List.of(), true, 10.0))));
        CourseStructureEvent e = CourseStructureEvent.of("tenant1", tree, AT, INGEST);

        String json = Json.write(e);
        CourseStructureEvent read = Json.read(json, CourseStructureEvent.class);

        assertThat(read).isEqualTo(e);
        assertThat(read.tree()).isEqualTo(tree);
        assertThat(read.tree().requiredLeafIds()).containsExactly("a");
        assertThat(e.key()).isEqualTo("tenant1|do_course");
        assertThat(e.topic()).isEqualTo(Topics.COURSE_STRUCTURE);
        assertThat(Json.MAPPER.readTree(json).has("tree")).isFalse();
    }

    @Test
    void courseNodesMayOmitChildrenAndOptional() {
        CourseNode node = Json.read("{\"identifier\":\"do_c\",\"children\":[{\"identifier\":\"a\"},"
                + "{\"identifier\":\"b\",\"optional\":true,\"maxScore\":5}]}", CourseNode.class);
        assertThat(node).isEqualTo(new CourseNode("do_c", null, null,
                List.of(leaf("a"), new CourseNode("b", null, null, List.of(), true, 5.0)), false, null));
        JsonNode written = Json.MAPPER.readTree(Json.write(node));
        assertThat(written.has("leaf")).isFalse();
        assertThat(written.has("unit")).isFalse();
        assertThat(written.has("assessment")).isFalse();
    }

    @Test
    void anOldEventWithoutNewFieldsStillReads() {
        ContentStateEvent e = Json.read("{\"eventId\":\"e1\",\"tenantId\":\"t\",\"userId\":\"u\"}", ContentStateEvent.class);
        assertThat(e.schemaVersion()).isZero();
        assertThat(e.contents()).isEmpty();
        assertThat(e.extra()).isEmpty();
    }

    @Test
    void topicsAndKeys() {
        assertThat(Topics.ALL).containsExactly("stride.content-state", "stride.learner-activity",
                "stride.learner-activity.dlq", "stride.course-structure", "stride.enrolment-progress",
                "stride.course-completed");
        assertThat(Topics.druid("enrolments")).isEqualTo("stride.druid.enrolments");
        assertThat(EventKeys.enrolmentKey("t", "u", "c", "b")).isEqualTo("t|u|c|b");
        assertThat(EventKeys.split("t|u|c|b")).containsExactly("t", "u", "c", "b");
        assertThatThrownBy(() -> EventKeys.enrolmentKey("t", "u|x", "c", "b")).isInstanceOf(IllegalArgumentException.class);
    }
}
