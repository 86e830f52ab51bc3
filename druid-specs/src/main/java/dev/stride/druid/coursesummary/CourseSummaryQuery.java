package dev.stride.druid.coursesummary;

import dev.stride.druid.DruidSql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The course summary from Druid's {@code enrolment_progress}: per course, batch and UTC day, cumulative enrolments,
 * starts, completions, completion rate and median time on task. Druid compacts the snapshots to one row per
 * enrolment and day ({@code sql/enrolment_progress/course-summary.sql}); this class carries each enrolment forward
 * day by day so the median is exact.
 */
public final class CourseSummaryQuery {

    public static final String QUERY = "enrolment_progress/course-summary";
    private static final long DAY_MS = 86_400_000L;

    /** One enrolment's compacted snapshots of one day (a row of the query). */
    public record DaySnapshot(String batchId, String userId, LocalDate date, int status, long timeSpentSeconds) {
    }

    private final DruidSql druid;

    public CourseSummaryQuery(DruidSql druid) {
        this.druid = druid;
    }

    /**
     * The summary of a course (every batch when {@code batchId} is null) from its first snapshot up to {@code to}
     * (exclusive), ordered by batch then day; empty when Druid has no snapshot of it (or no datasource yet).
     *
     * @throws DruidSql.Unavailable when Druid does not answer
     */
    public List<CourseSummaryRow> run(String tenant, String courseId, String batchId, Instant to) {
        String batch = batchId == null ? "" : batchId;
        List<DaySnapshot> rows = druid.query(QUERY, r -> new DaySnapshot(r.getString("batch_id"), r.getString("user_id"),
                        LocalDate.ofEpochDay(Math.floorDiv(r.getLong("day_ms"), DAY_MS)), r.getInt("status"),
                        r.getLong("time_spent_seconds")),
                tenant, courseId, batch, batch, to.toEpochMilli());
        return summarise(courseId, rows);
    }

    /** Pure: the summary lines of the snapshots, every day from a batch's first to its last snapshot. */
    public static List<CourseSummaryRow> summarise(String courseId, List<DaySnapshot> snapshots) {
        Map<String, TreeMap<LocalDate, List<DaySnapshot>>> byBatch = new TreeMap<>();
        for (DaySnapshot s : snapshots) {
            byBatch.computeIfAbsent(s.batchId(), b -> new TreeMap<>())
                    .computeIfAbsent(s.date(), d -> new ArrayList<>()).add(s);
        }
        List<CourseSummaryRow> out = new ArrayList<>();
        byBatch.forEach((batchId, days) -> {
            Map<String, int[]> status = new HashMap<>();
            Map<String, long[]> timeSpent = new HashMap<>();
            for (LocalDate d = days.firstKey(); !d.isAfter(days.lastKey()); d = d.plusDays(1)) {
                for (DaySnapshot s : days.getOrDefault(d, List.of())) {
                    // Both never decrease for an enrolment, so MAX also absorbs duplicates and late rows.
                    int[] st = status.computeIfAbsent(s.userId(), u -> new int[1]);
                    st[0] = Math.max(st[0], s.status());
                    long[] t = timeSpent.computeIfAbsent(s.userId(), u -> new long[1]);
                    t[0] = Math.max(t[0], s.timeSpentSeconds());
                }
                out.add(line(courseId, batchId, d, status, timeSpent));
            }
        });
        return out;
    }

    private static CourseSummaryRow line(String courseId, String batchId, LocalDate date, Map<String, int[]> status,
                                         Map<String, long[]> timeSpent) {
        long enrolments = status.size();
        long starts = 0;
        long completions = 0;
        long[] started = new long[status.size()];
        for (Map.Entry<String, int[]> e : status.entrySet()) {
            int s = e.getValue()[0];
            if (s >= 1) {
                started[(int) starts++] = timeSpent.get(e.getKey())[0];
            }
            if (s == 2) {
                completions++;
            }
        }
        double rate = enrolments == 0 ? 0 : Math.round(completions * 10_000.0 / enrolments) / 100.0;
        return new CourseSummaryRow(courseId, batchId, date, enrolments, starts, completions, rate,
                median(Arrays.copyOf(started, (int) starts)));
    }

    /** The exact median (mean of the two middle values for an even count), or null for none. */
    static Double median(long[] values) {
        if (values.length == 0) {
            return null;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? (double) values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
