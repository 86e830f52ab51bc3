package dev.stride.druid.coursesummary;

import dev.stride.druid.coursesummary.CourseSummaryQuery.DaySnapshot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CourseSummaryQueryTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    static final LocalDate D4 = D1.plusDays(3);

    static List<DaySnapshot> sample() {
        return List.of(
                new DaySnapshot("b1", "u1", D1, 1, 60),
                new DaySnapshot("b1", "u2", D1, 0, 0),
                new DaySnapshot("b1", "u1", D2, 2, 300),
                new DaySnapshot("b1", "u3", D2, 1, 100),
                new DaySnapshot("b1", "u2", D4, 1, 40),
                new DaySnapshot("b2", "u9", D3, 2, 500));
    }

    @Test
    void cumulativeFiguresPerBatchAndDayWithGapsCarriedForward() {
        List<CourseSummaryRow> rows = CourseSummaryQuery.summarise("c1", sample());
        assertThat(rows).containsExactly(
                new CourseSummaryRow("c1", "b1", D1, 2, 1, 0, 0.0, 60.0),
                new CourseSummaryRow("c1", "b1", D2, 3, 2, 1, 33.33, 200.0),
                new CourseSummaryRow("c1", "b1", D3, 3, 2, 1, 33.33, 200.0),
                new CourseSummaryRow("c1", "b1", D4, 3, 3, 1, 33.33, 100.0),
                new CourseSummaryRow("c1", "b2", D3, 1, 1, 1, 100.0, 500.0));
    }

    @Test
    void duplicatedAndShuffledSnapshotsChangeNothing() {
        List<DaySnapshot> twice = new ArrayList<>(sample());
        twice.addAll(sample());
        Collections.shuffle(twice, new Random(7));
        assertThat(CourseSummaryQuery.summarise("c1", twice)).isEqualTo(CourseSummaryQuery.summarise("c1", sample()));
    }

    @Test
    void aCompletionLoweredByACourseChangeStaysCounted() {
        List<CourseSummaryRow> rows = CourseSummaryQuery.summarise("c1", List.of(
                new DaySnapshot("b1", "u1", D1, 2, 10), new DaySnapshot("b1", "u1", D2, 1, 20)));
        assertThat(rows).extracting(CourseSummaryRow::completions).containsExactly(1L, 1L);
        assertThat(rows).extracting(CourseSummaryRow::medianTimeOnTaskSeconds).containsExactly(10.0, 20.0);
    }

    @Test
    void medianIsExact() {
        assertThat(CourseSummaryQuery.median(new long[0])).isNull();
        assertThat(CourseSummaryQuery.median(new long[] {5})).isEqualTo(5.0);
        assertThat(CourseSummaryQuery.median(new long[] {9, 1, 4, 7})).isEqualTo(5.5);
        assertThat(CourseSummaryQuery.median(new long[] {3, 1, 2})).isEqualTo(2.0);
    }

    @Test
    void noSnapshotsNoRows() {
        assertThat(CourseSummaryQuery.summarise("c1", List.of())).isEmpty();
    }
}
