package dev.stride.samza.druidfeed;

import dev.stride.druid.ThetaCount;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report queries in their idempotent forms (druid-specs/README.md): latest state per entity by MAX/LATEST_BY,
 * exact COUNT(DISTINCT) over ids. A row the feed delivered twice must change none of these answers.
 */
final class ReportQueries {

    private final DruidQueries druid;
    private final String learnerDs;
    private final String activityDs;
    private final String enrolmentDs;
    private final String tenant;

    ReportQueries(DruidQueries druid, String learnerDs, String activityDs, String enrolmentDs, String tenant) {
        this.druid = druid;
        this.learnerDs = learnerDs;
        this.activityDs = activityDs;
        this.enrolmentDs = enrolmentDs;
        this.tenant = tenant;
    }

    Map<String, List<List<Object>>> all() throws IOException, InterruptedException {
        Map<String, String> sql = new LinkedHashMap<>();
        String ep = "FROM \"" + enrolmentDs + "\" WHERE tenant = '" + tenant + "' AND course_id = 'c1'";
        String lp = "FROM \"" + learnerDs + "\" WHERE tenant = '" + tenant + "' AND course_id = 'c1'";
        sql.put("completions per batch", "SELECT batch_id, COUNT(*) FROM (SELECT batch_id, user_id, MAX(status) AS s "
                + ep + " GROUP BY 1, 2) WHERE s = 2 GROUP BY 1 ORDER BY 1");
        sql.put("learners started per batch", "SELECT batch_id, COUNT(DISTINCT user_id) " + lp
                + " AND status >= 1 GROUP BY 1 ORDER BY 1");
        sql.put("content updates per batch", "SELECT batch_id, COUNT(DISTINCT row_id) " + lp + " GROUP BY 1 ORDER BY 1");
        sql.put("time on task per batch", "SELECT batch_id, SUM(t) FROM (SELECT batch_id, user_id, "
                + "MAX(time_spent_seconds) AS t " + ep + " GROUP BY 1, 2) GROUP BY 1 ORDER BY 1");
        sql.put("latest progress per learner", "SELECT batch_id, user_id, "
                + "LATEST_BY(completion_percentage, MILLIS_TO_TIMESTAMP(\"version\")) " + ep + " GROUP BY 1, 2 ORDER BY 1, 2");
        sql.put("learners completing a content per unit", "SELECT unit_id, COUNT(DISTINCT user_id) " + lp
                + " AND status = 2 GROUP BY 1 ORDER BY 1");
        Map<String, List<List<Object>>> out = new TreeMap<>();
        for (Map.Entry<String, String> q : sql.entrySet()) {
            out.put(q.getKey(), druid.rows(q.getValue()));
        }
        out.put("trend activity per batch and day (learner_activity sketches)", trendActivity());
        return out;
    }

    /**
     * The trend endpoint's queries themselves (druid-specs' {@code learner_activity/trend-learners.sql} and
     * {@code trend-updates.sql} on the private datasource), per batch and day: [batch, day (epoch ms), active
     * learners, content updates (the day's hours added up), both counts exact].
     */
    private List<List<Object>> trendActivity() throws IOException, InterruptedException {
        List<List<Object>> out = new ArrayList<>();
        for (String batch : List.of("b1", "b2")) {
            Map<Long, ThetaCount> updates = new TreeMap<>();
            for (List<Object> r : druid.rows(sql("trend-updates"), tenant, "c1", batch, 0L, 4_102_444_800_000L)) {
                long day = Math.floorDiv((Long) r.get(0), 86_400_000L) * 86_400_000L;
                updates.merge(day, ThetaCount.parse((String) r.get(1)),
                        (a, b) -> new ThetaCount(a.count() + b.count(), a.exact() && b.exact()));
            }
            for (List<Object> r : druid.rows(sql("trend-learners"), tenant, "c1", batch, 0L, 4_102_444_800_000L)) {
                ThetaCount learners = ThetaCount.parse((String) r.get(1));
                ThetaCount day = updates.getOrDefault((Long) r.get(0), new ThetaCount(-1, false));
                out.add(List.of(batch, r.get(0), learners.count(), day.count(), learners.exact() && day.exact()));
            }
        }
        return out;
    }

    private String sql(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sql/learner_activity/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("FROM \"learner_activity\"", "FROM \"" + activityDs + "\"");
        }
    }

    /** Distinct rows that reached Druid: [learner_progress, enrolment_progress, learner_activity]. */
    long[] distinctRows() throws IOException, InterruptedException {
        return new long[] {
                druid.count("SELECT COUNT(DISTINCT row_id) FROM \"" + learnerDs + "\""),
                druid.count("SELECT COUNT(DISTINCT row_id) FROM \"" + enrolmentDs + "\""),
                druid.count("SELECT THETA_SKETCH_ESTIMATE(DS_THETA(updates, 65536)) FROM \"" + activityDs + "\"")};
    }

    /** Every row that reached Druid, duplicates included: [learner_progress, enrolment_progress, learner_activity]. */
    long[] allRows() throws IOException, InterruptedException {
        return new long[] {
                druid.count("SELECT COUNT(*) FROM \"" + learnerDs + "\""),
                druid.count("SELECT COUNT(*) FROM \"" + enrolmentDs + "\""),
                druid.count("SELECT SUM(ingested_rows) FROM \"" + activityDs + "\"")};
    }
}
