package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small events for the unit tests. */
final class Fixtures {

    static final String TENANT = "t1";
    static final String COURSE = "c1";
    static final String BATCH = "b1";
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private Fixtures() {
    }

    /** Course c1: unit u1 {a, b}, quiz q (maxScore 10), optional o. */
    static CourseTree tree(String... extraLeaves) {
        List<CourseNode> children = new java.util.ArrayList<>(List.of(
                CourseNode.unit("u1", CourseNode.leaf("a"), CourseNode.leaf("b")),
                new CourseNode("q", null, null, List.of(), false, 10.0),
                new CourseNode("o", null, null, List.of(), true, null)));
        for (String leaf : extraLeaves) {
            children.add(CourseNode.leaf(leaf));
        }
        return CourseTree.of(COURSE, "Course one", children);
    }

    static CourseStructureEvent treeEvent(CourseTree tree, int second) {
        return CourseStructureEvent.of(TENANT, tree, T0.plusSeconds(second), T0.plusSeconds(second));
    }

    /** One request of {@code user} setting one content to a status at T0 + second. */
    static ContentStateEvent content(String user, String contentId, int status, int second) {
        Instant at = T0.plusSeconds(second);
        ContentState s = new ContentState(contentId, status, status == 2 ? 100 : 50, 1, status == 2 ? 1 : 0, at,
                status == 2 ? at : null, null);
        return ContentStateEvent.of(TENANT, user, COURSE, BATCH, "req-" + user + "-" + contentId + "-" + second,
                List.of(s), List.of(), at, at);
    }

    /** One request of {@code user} with an attempt of quiz q. */
    static ContentStateEvent attempt(String user, String attemptId, double score, int second) {
        Instant at = T0.plusSeconds(second);
        ContentStateEvent.Question question = new ContentStateEvent.Question("q1", null, "mcq", 10, score, 30.0, at,
                null, Map.of());
        ContentState s = new ContentState("q", 2, 100, 1, 1, at, at, null);
        return ContentStateEvent.of(TENANT, user, COURSE, BATCH, "req-" + user + "-" + attemptId, List.of(s),
                List.of(ContentStateEvent.Attempt.of("q", attemptId, at, List.of(question))), at, at);
    }
}
