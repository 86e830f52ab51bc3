package dev.stride.core.course;

import dev.stride.core.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stride.core.course.CourseNode.leaf;
import static dev.stride.core.course.CourseNode.unit;
import static org.assertj.core.api.Assertions.assertThat;

class CourseTreeValidatorTest {

    @Test
    void acceptsAValidTree() {
        assertThat(CourseTreeValidator.validate(CourseTreeTest.sample().root())).isEmpty();
    }

    @Test
    void reportsDuplicatesWithBothPaths() {
        List<FieldError> errors = CourseTreeValidator.validate("do_course",
                List.of(unit("u1", leaf("a"), leaf("b"), leaf("a"))));
        assertThat(errors).containsExactly(new FieldError("request.children[0].children[2].identifier",
                "must be unique in the course: 'a' is also at request.children[0].children[0]"));
    }

    @Test
    void aUnitRepeatingItsAncestorIsReported() {
        List<FieldError> errors = CourseTreeValidator.validate("do_course",
                List.of(unit("u1", unit("u1", leaf("a")))));
        assertThat(errors).extracting(FieldError::field).containsExactly("request.children[0].children[0].identifier");
        assertThat(CourseTreeValidator.validate("do_course", List.of(leaf("do_course"))))
                .extracting(FieldError::field).containsExactly("request.children[0].identifier");
    }

    @Test
    void requiresALeaf() {
        assertThat(CourseTreeValidator.validate("do_course", List.of()))
                .containsExactly(new FieldError("request.children", "must contain at least one leaf content"));
    }

    @Test
    void checksIdentifiers() {
        List<FieldError> errors = CourseTreeValidator.validate("do_course",
                List.of(leaf(" "), leaf(null), leaf("x".repeat(257)), leaf("ok")));
        assertThat(errors).containsExactly(
                new FieldError("request.children[0].identifier", "must not be blank"),
                new FieldError("request.children[1].identifier", "must not be blank"),
                new FieldError("request.children[2].identifier", "must be at most 256 characters"));
    }

    @Test
    void checksMaxScore() {
        CourseNode negative = new CourseNode("q", null, null, List.of(), false, -1.0);
        CourseNode onUnit = new CourseNode("u", null, null, List.of(leaf("a")), false, 5.0);
        assertThat(CourseTreeValidator.validate("do_course", List.of(negative, onUnit))).containsExactly(
                new FieldError("request.children[0].maxScore", "must be a number >= 0"),
                new FieldError("request.children[1].maxScore", "must be set only on leaf contents"));
    }

    @Test
    void limitsDepth() {
        CourseNode node = leaf("leaf");
        for (int i = 0; i < CourseTreeValidator.MAX_DEPTH; i++) {
            node = unit("u" + i, node);
        }
        // 16 units + a leaf = 17 levels below the course
        List<FieldError> errors = CourseTreeValidator.validate("do_course", List.of(node));
        assertThat(errors).extracting(FieldError::rule).contains("must be nested at most 16 levels deep");
        assertThat(errors.get(0).field()).isEqualTo("request" + ".children[0]".repeat(16) + ".children");

        CourseNode ok = leaf("leaf");
        for (int i = 0; i < CourseTreeValidator.MAX_DEPTH - 1; i++) {
            ok = unit("u" + i, ok);
        }
        assertThat(CourseTreeValidator.validate("do_course", List.of(ok))).isEmpty();
    }
}
