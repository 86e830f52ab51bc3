package dev.stride.samza.druidfeed;

import java.io.IOException;
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
    private final String enrolmentDs;
    private final String tenant;

    ReportQueries(DruidQueries druid, String learnerDs, String enrolmentDs, String tenant) {
        this.druid = druid;
        this.learnerDs = learnerDs;
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
        return out;
    }

    /** Distinct rows that reached Druid: [learner_progress, enrolment_progress]. */
    long[] distinctRows() throws IOException, InterruptedException {
        return new long[] {
                druid.count("SELECT COUNT(DISTINCT row_id) FROM \"" + learnerDs + "\""),
                druid.count("SELECT COUNT(DISTINCT row_id) FROM \"" + enrolmentDs + "\"")};
    }

    /** Every row that reached Druid, duplicates included. */
    long[] allRows() throws IOException, InterruptedException {
        return new long[] {
                druid.count("SELECT COUNT(*) FROM \"" + learnerDs + "\""),
                druid.count("SELECT COUNT(*) FROM \"" + enrolmentDs + "\"")};
    }
}
