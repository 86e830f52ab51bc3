package dev.stride.groupprogress.trend;

import dev.stride.druid.ThetaCount;
import dev.stride.groupprogress.trend.TrendSeries.Activity;
import dev.stride.groupprogress.trend.TrendSeries.DayLearners;
import dev.stride.groupprogress.trend.TrendSeries.HourUpdates;
import dev.stride.groupprogress.trend.TrendSeries.Enrolments;
import dev.stride.groupprogress.trend.TrendSeries.SketchedActivity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendSeriesTest {

    static final LocalDate D = LocalDate.of(2026, 11, 10);

    @Test
    void nothingInDruidIsAnEmptySeries() {
        assertThat(TrendSeries.build(D, D.plusDays(6), List.of(), List.of())).isEmpty();
    }

    @Test
    void everyDayOfTheWindowWithCumulativeCompletionFromBeforeIt() {
        List<Activity> activity = List.of(new Activity(D, 3, 7), new Activity(D.plusDays(2), 1, 1));
        List<Enrolments> enrolments = List.of(
                new Enrolments(D.minusDays(5), D.minusDays(1), 2), // before the window: the starting totals
                new Enrolments(D.minusDays(5), null, 1),
                new Enrolments(D, D.plusDays(2), 1),
                new Enrolments(D, null, 3),
                new Enrolments(D.plusDays(1), D.plusDays(1), 1));
        List<TrendPoint> s = TrendSeries.build(D, D.plusDays(3), activity, enrolments);
        assertThat(s).containsExactly(
                new TrendPoint(D, 3, 7, 0, 7, 2, 28.57),
                new TrendPoint(D.plusDays(1), 0, 0, 1, 8, 3, 37.5),
                new TrendPoint(D.plusDays(2), 1, 1, 1, 8, 4, 50.0),
                new TrendPoint(D.plusDays(3), 0, 0, 0, 8, 4, 50.0));
    }

    @Test
    void activityWithoutEnrolmentSnapshotsHasAZeroRate() {
        List<TrendPoint> s = TrendSeries.build(D, D, List.of(new Activity(D, 2, 2)), List.of());
        assertThat(s).containsExactly(new TrendPoint(D, 2, 2, 0, 0, 0, 0.0));
    }

    @Test
    void aSketchedDayIsUsedOnlyWhenBothSketchesKeptEveryId() {
        SketchedActivity exact = new SketchedActivity(D, new ThetaCount(10_000, true), new ThetaCount(33_334, true));
        assertThat(exact.exact()).isTrue();
        assertThat(exact.activity()).isEqualTo(new Activity(D, 10_000, 33_334));
        assertThat(new SketchedActivity(D, new ThetaCount(10_000, true), new ThetaCount(70_112, false)).exact()).isFalse();
        assertThat(new SketchedActivity(D, new ThetaCount(70_112, false), new ThetaCount(80_000, true)).exact()).isFalse();
    }

    @Test
    void aDaysUpdatesAreItsHoursAddedUpAndExactOnlyIfEveryHourIs() {
        long d0 = D.toEpochDay() * 86_400_000L;
        long hour = 3_600_000L;
        List<SketchedActivity> days = TrendSeries.sketched(
                List.of(new DayLearners(D, new ThetaCount(3, true)), new DayLearners(D.plusDays(1), new ThetaCount(2, true))),
                List.of(new HourUpdates(d0, new ThetaCount(4, true)), new HourUpdates(d0 + 23 * hour, new ThetaCount(5, true)),
                        new HourUpdates(d0 + 24 * hour, new ThetaCount(20_000, false)),
                        new HourUpdates(d0 + 25 * hour, new ThetaCount(1, true))));
        assertThat(days).containsExactly(
                new SketchedActivity(D, new ThetaCount(3, true), new ThetaCount(9, true)),
                new SketchedActivity(D.plusDays(1), new ThetaCount(2, true), new ThetaCount(20_001, false)));
        assertThat(days.get(0).exact()).isTrue();
        assertThat(days.get(1).exact()).isFalse();
    }
}
