package dev.stride.core.completion;

import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stride.core.course.CourseNode.leaf;
import static dev.stride.core.course.CourseNode.unit;
import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest {

    // course: u1(a, b, optional c), u2(d)
    private static final CourseTree TREE = CourseTree.of("do_course", "Course", List.of(
            unit("u1", leaf("a"), leaf("b"), new CourseNode("c", null, null, List.of(), true, null)),
            unit("u2", leaf("d"))));

    @Test
    void countsCompletedRequiredLeaves() {
        Completion c = Completion.of(Set.of("a", "c", "not-in-course"), TREE);

        assertThat(c.completedCount()).isEqualTo(1);
        assertThat(c.requiredCount()).isEqualTo(3);
        assertThat(c.percentage()).isCloseTo(33.333, org.assertj.core.data.Offset.offset(0.001));
        assertThat(c.wholePercentage()).isEqualTo(33);
        assertThat(c.status()).isEqualTo(1);
        assertThat(c.units().get("u1")).isEqualTo(new UnitCompletion("u1", 1, 2, 50.0, 1));
        assertThat(c.units().get("u2")).isEqualTo(new UnitCompletion("u2", 0, 1, 0.0, 0));
    }

    @Test
    void completeOnlyWhenEveryRequiredLeafIsDone() {
        Completion c = Completion.of(Set.of("a", "b", "d"), TREE);
        assertThat(c.percentage()).isEqualTo(100.0);
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.isComplete()).isTrue();
    }

    @Test
    void aCourseThatGainsAContentDropsBelowHundred() {
        Set<String> done = Set.of("a", "b", "d");
        CourseTree grown = CourseTree.of("do_course", "Course", List.of(
                unit("u1", leaf("a"), leaf("b")), unit("u2", leaf("d"), leaf("new"))));
        Completion c = Completion.of(done, grown);
        assertThat(c.percentage()).isEqualTo(75.0);
        assertThat(c.status()).isEqualTo(1);
    }

    @Test
    void nothingDoneIsNotStarted() {
        Completion c = Completion.of(Set.of(), TREE);
        assertThat(c.percentage()).isZero();
        assertThat(c.status()).isZero();
    }

    @Test
    void inProgressContentStartsTheCourseAndItsUnit() {
        Completion c = Completion.ofStatuses(Map.of("d", 1, "a", 2), TREE);
        assertThat(c.completedCount()).isEqualTo(1);
        assertThat(c.status()).isEqualTo(1);
        assertThat(c.units().get("u2").status()).isEqualTo(1);
        assertThat(c.units().get("u2").completedCount()).isZero();
    }

    @Test
    void percentageIsNeverHundredBeforeTheEnd() {
        int n = 1 << 24;
        assertThat(Completion.unit("x", n - 1, n, true).percentage()).isLessThan(100.0);
        assertThat(Completion.unit("x", n - 1, n, true).wholePercentage()).isEqualTo(99);
    }

    @Test
    void noRequiredLeavesIsCompleteOnceStarted() {
        CourseTree allOptional = CourseTree.of("do_course", "Course",
                List.of(new CourseNode("o", null, null, List.of(), true, null)));
        assertThat(Completion.of(Set.of(), allOptional).status()).isZero();
        assertThat(Completion.of(Set.of(), allOptional).percentage()).isZero();
        Completion started = Completion.of(Set.of("o"), allOptional);
        assertThat(started.status()).isEqualTo(2);
        assertThat(started.percentage()).isEqualTo(100.0);
    }
}
