package dev.stride.core.course;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stride.core.course.CourseNode.leaf;
import static dev.stride.core.course.CourseNode.unit;
import static org.assertj.core.api.Assertions.assertThat;

class CourseTreeTest {

    /** course → unit u1 (leaf a, unit u2 (b, optional c)), leaf d (assessment), optional unit u3 (e). */
    static CourseTree sample() {
        CourseNode c = new CourseNode("c", "C", "video/mp4", List.of(), true, null);
        CourseNode d = new CourseNode("d", "Quiz", "application/vnd.sunbird.questionset", List.of(), false, 10.0);
        CourseNode u3 = new CourseNode("u3", "Extras", CourseNode.COLLECTION_MIME_TYPE, List.of(leaf("e")), true, null);
        return CourseTree.of("do_course", "Course", List.of(unit("u1", leaf("a"), unit("u2", leaf("b"), c)), d, u3));
    }

    @Test
    void indexesLeavesAndRequiredLeaves() {
        CourseTree t = sample();
        assertThat(t.courseId()).isEqualTo("do_course");
        assertThat(t.name()).isEqualTo("Course");
        assertThat(t.leafIds()).containsExactly("a", "b", "c", "d", "e");
        assertThat(t.requiredLeafIds()).containsExactly("a", "b", "d");
    }

    @Test
    void indexesEveryUnitAtAnyDepth() {
        assertThat(sample().unitRequiredLeaves()).isEqualTo(Map.of(
                "u1", Set.of("a", "b"),
                "u2", Set.of("b"),
                "u3", Set.of()));
        assertThat(sample().unitRequiredLeaves().keySet()).containsExactly("u1", "u2", "u3");
    }

    @Test
    void knowsAncestorsAssessmentsAndMembership() {
        CourseTree t = sample();
        assertThat(t.unitsOf("b")).containsExactly("u1", "u2");
        assertThat(t.unitsOf("d")).isEmpty();
        assertThat(t.assessmentMaxScores()).isEqualTo(Map.of("d", 10.0));
        assertThat(t.contains("u2")).isTrue();
        assertThat(t.contains("do_course")).isTrue();
        assertThat(t.contains("zzz")).isFalse();
        assertThat(t.isLeaf("u2")).isFalse();
        assertThat(t.isLeaf("b")).isTrue();
    }

    @Test
    void isImmutable() {
        CourseTree t = sample();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.leafIds().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.unitRequiredLeaves().get("u1").add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalTreesAreEqual() {
        assertThat(sample()).isEqualTo(sample());
    }
}
