package dev.stride.groupprogress.trend;

import dev.stride.druid.ThetaCount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Pure: the daily series from the two Druid queries' rows, every day of the window filled in. */
final class TrendSeries {

    private static final long DAY_MS = 86_400_000L;

    /** A day's activity: a row of {@code learner_progress/trend-activity}, or an exact day of the sketched query. */
    record Activity(LocalDate date, long activeLearners, long contentUpdates) {
    }

    /** A row of {@code learner_activity/trend-learners}: the day's distinct learners from a theta sketch union. */
    record DayLearners(LocalDate date, ThetaCount learners) {
    }

    /** A row of {@code learner_activity/trend-updates}: one UTC hour's distinct row ids from a theta sketch union. */
    record HourUpdates(long hourMs, ThetaCount updates) {
    }

    /** A day's distinct learners and row ids from the sketches (the row ids as the sum of the day's hours). */
    record SketchedActivity(LocalDate date, ThetaCount learners, ThetaCount updates) {

        /** Both sketches kept every id of the day, so both counts are exact. */
        boolean exact() {
            return learners.exact() && updates.exact();
        }

        Activity activity() {
            return new Activity(date, learners.count(), updates.count());
        }
    }

    /**
     * A row of {@code enrolment_progress/trend-enrolments}: {@code enrolments} enrolments first seen on
     * {@code seen} and first completed on {@code completed} (null: not completed).
     */
    record Enrolments(LocalDate seen, LocalDate completed, long enrolments) {
    }

    private TrendSeries() {
    }

    /**
     * The sketched days: each day's learners, and its hours' content updates added up (exact: a row id belongs to
     * one hour, all its copies carry the same time); a day is exact only if its learners and every one of its hours
     * are.
     */
    static List<SketchedActivity> sketched(List<DayLearners> learners, List<HourUpdates> hours) {
        Map<LocalDate, ThetaCount> learnersOn = new TreeMap<>();
        learners.forEach(d -> learnersOn.put(d.date(), d.learners()));
        Map<LocalDate, ThetaCount> updatesOn = new TreeMap<>();
        for (HourUpdates h : hours) {
            updatesOn.merge(LocalDate.ofEpochDay(Math.floorDiv(h.hourMs(), DAY_MS)), h.updates(),
                    (a, b) -> new ThetaCount(a.count() + b.count(), a.exact() && b.exact()));
        }
        ThetaCount none = new ThetaCount(0, true);
        Set<LocalDate> days = new TreeSet<>(learnersOn.keySet());
        days.addAll(updatesOn.keySet());
        List<SketchedActivity> out = new ArrayList<>(days.size());
        for (LocalDate d : days) {
            out.add(new SketchedActivity(d, learnersOn.getOrDefault(d, none), updatesOn.getOrDefault(d, none)));
        }
        return out;
    }

    static List<TrendPoint> build(LocalDate from, LocalDate to, List<Activity> activity, List<Enrolments> enrolments) {
        if (activity.isEmpty() && enrolments.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Activity> byDay = new HashMap<>();
        activity.forEach(a -> byDay.put(a.date(), a));
        long enrolled = 0;
        long completed = 0;
        Map<LocalDate, Long> seenOn = new HashMap<>();
        Map<LocalDate, Long> completedOn = new HashMap<>();
        for (Enrolments e : enrolments) {
            // Everything before the window is the starting total of the cumulative figures.
            if (e.seen().isBefore(from)) {
                enrolled += e.enrolments();
            } else {
                seenOn.merge(e.seen(), e.enrolments(), Long::sum);
            }
            if (e.completed() != null) {
                if (e.completed().isBefore(from)) {
                    completed += e.enrolments();
                } else {
                    completedOn.merge(e.completed(), e.enrolments(), Long::sum);
                }
            }
        }
        List<TrendPoint> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long done = completedOn.getOrDefault(d, 0L);
            enrolled += seenOn.getOrDefault(d, 0L);
            completed += done;
            Activity a = byDay.get(d);
            double rate = enrolled == 0 ? 0 : Math.round(completed * 10_000.0 / enrolled) / 100.0;
            series.add(new TrendPoint(d, a == null ? 0 : a.activeLearners(), a == null ? 0 : a.contentUpdates(), done,
                    enrolled, completed, rate));
        }
        return series;
    }
}
