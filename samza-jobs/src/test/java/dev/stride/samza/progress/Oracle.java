package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.course.CourseTree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expected aggregates computed independently of the aggregator: straight from the fact rows of user_content_consumption
 * and assessment_attempts and the course's required leaves, with plain loops (no Completion, no AssessmentBests),
 * compared with what the job wrote to user_enrolments, enrolments_by_batch and user_activity_agg.
 */
final class Oracle {

    private static final int ATTEMPT_LIMIT = 25;
    private static final double EPSILON = 1e-9;

    private final CqlSession session;
    private final PreparedStatement facts;
    private final PreparedStatement attempts;
    private final PreparedStatement userRow;
    private final PreparedStatement batchRow;
    private final PreparedStatement aggRow;

    Oracle(CqlSession session, String keyspace) {
        this.session = session;
        String where = " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?";
        facts = session.prepare("SELECT content_id, status FROM " + keyspace + ".user_content_consumption" + where);
        attempts = session.prepare("SELECT content_id, attempt_id, assessment_ts, total_score, total_max_score FROM "
                + keyspace + ".assessment_attempts" + where);
        userRow = session.prepare("SELECT status, progress, leaf_nodes_count, completion_percentage, completed_on,"
                + " content_status FROM " + keyspace + ".user_enrolments" + where);
        batchRow = session.prepare("SELECT status, progress, leaf_nodes_count, completion_percentage, completed_on,"
                + " content_status FROM " + keyspace + ".enrolments_by_batch"
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?");
        aggRow = session.prepare("SELECT aggregates, agg_last_updated FROM " + keyspace + ".user_activity_agg"
                + " WHERE tenant = ? AND activity_type = 'Course' AND activity_id = ? AND user_id = ? AND context_id = ?");
    }

    /** What an enrolment's rows must hold. */
    record Expected(int status, int completed, int required, double percentage, Map<String, Integer> contentStatus,
                    Map<String, Double> aggregates) {
    }

    Expected expected(Learners.Enrolment e, CourseTree tree) {
        Map<String, Integer> status = new TreeMap<>();
        for (Row r : session.execute(facts.bind(e.tenant(), e.user(), e.course(), e.batch()))) {
            status.merge(r.getString("content_id"), r.getInt("status"), Math::max);
        }
        Set<String> required = tree.requiredLeafIds();
        int done = 0;
        for (String id : required) {
            if (status.getOrDefault(id, 0) == 2) {
                done++;
            }
        }
        boolean touched = status.entrySet().stream().anyMatch(s -> tree.contains(s.getKey()) && s.getValue() >= 1);
        int st;
        double pct;
        if (required.isEmpty()) {
            st = touched ? 2 : 0;
            pct = touched ? 100 : 0;
        } else {
            st = done == required.size() ? 2 : touched || done > 0 ? 1 : 0;
            pct = done * 100.0 / required.size();
        }
        Map<String, Double> aggregates = new TreeMap<>();
        aggregates.put("completedCount", (double) done);
        aggregates.put("completionPercentage", pct);
        Map<String, List<Row>> byContent = new HashMap<>();
        for (Row r : session.execute(attempts.bind(e.tenant(), e.user(), e.course(), e.batch()))) {
            byContent.computeIfAbsent(r.getString("content_id"), k -> new ArrayList<>()).add(r);
        }
        byContent.forEach((content, rows) -> {
            rows.sort(Comparator.<Row, Instant>comparing(r -> r.getInstant("assessment_ts"))
                    .thenComparing(r -> r.getString("attempt_id")));
            List<Row> counted = rows.subList(0, Math.min(ATTEMPT_LIMIT, rows.size()));
            Row best = counted.get(0);
            for (Row r : counted) {
                if (r.getDouble("total_score") > best.getDouble("total_score")) {
                    best = r;
                }
            }
            aggregates.put("score:" + content, best.getDouble("total_score"));
            aggregates.put("max_score:" + content, best.getDouble("total_max_score"));
            aggregates.put("attempts_count:" + content, (double) counted.size());
        });
        return new Expected(st, done, required.size(), pct, status, aggregates);
    }

    /** Every difference between the expected aggregates and the three tables, as readable lines (empty: all equal). */
    List<String> mismatches(List<Learners.Enrolment> enrolments, CourseTree tree) {
        List<String> out = new ArrayList<>();
        for (Learners.Enrolment e : enrolments) {
            Expected x = expected(e, tree);
            if (x.contentStatus().isEmpty()) {
                continue; // never touched: no event, no row
            }
            compareProgress(out, e, "user_enrolments", x,
                    session.execute(userRow.bind(e.tenant(), e.user(), e.course(), e.batch())).one());
            compareProgress(out, e, "enrolments_by_batch", x,
                    session.execute(batchRow.bind(e.tenant(), e.course(), e.batch(), e.user())).one());
            Row agg = session.execute(aggRow.bind(e.tenant(), e.course(), e.user(), "cb:" + e.batch())).one();
            if (agg == null) {
                out.add(e.key() + " user_activity_agg: no row");
                continue;
            }
            Map<String, Double> actual = agg.getMap("aggregates", String.class, Double.class);
            if (!actual.keySet().equals(x.aggregates().keySet())
                    || x.aggregates().entrySet().stream().anyMatch(m -> Math.abs(actual.get(m.getKey()) - m.getValue()) > EPSILON)) {
                out.add(e.key() + " user_activity_agg.aggregates " + new TreeMap<>(actual) + " != " + x.aggregates());
            }
            if (!agg.getMap("agg_last_updated", String.class, Instant.class).keySet().equals(actual.keySet())) {
                out.add(e.key() + " user_activity_agg.agg_last_updated lacks metrics");
            }
        }
        return out;
    }

    private static void compareProgress(List<String> out, Learners.Enrolment e, String table, Expected x, Row r) {
        if (r == null) {
            out.add(e.key() + " " + table + ": no row");
            return;
        }
        if (r.getInt("status") != x.status() || r.getInt("progress") != x.completed()
                || r.getInt("leaf_nodes_count") != x.required()
                || Math.abs(r.getDouble("completion_percentage") - x.percentage()) > EPSILON
                || !r.getMap("content_status", String.class, Integer.class).equals(x.contentStatus())) {
            out.add(e.key() + " " + table + ": status " + r.getInt("status") + "/" + x.status() + ", progress "
                    + r.getInt("progress") + "/" + x.completed() + ", leaves " + r.getInt("leaf_nodes_count") + "/"
                    + x.required() + ", % " + r.getDouble("completion_percentage") + "/" + x.percentage()
                    + ", contents " + r.getMap("content_status", String.class, Integer.class) + "/" + x.contentStatus());
        }
        if (x.status() == 2 && r.getInstant("completed_on") == null) {
            out.add(e.key() + " " + table + ": complete without completed_on");
        }
    }
}
