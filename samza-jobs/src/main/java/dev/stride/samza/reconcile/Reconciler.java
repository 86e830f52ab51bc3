package dev.stride.samza.reconcile;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.course.CourseTree;
import dev.stride.samza.progress.Aggregation;
import dev.stride.samza.progress.EnrolmentAggregate;
import dev.stride.samza.progress.EnrolmentState;
import dev.stride.samza.progress.MetricValue;
import dev.stride.samza.progress.ProgressRows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recomputes a course's aggregates from the facts (user_content_consumption, assessment_attempts, course_structure) with
 * the aggregator's own {@link Aggregation}, and rewrites the enrolments whose user_enrolments, enrolments_by_batch or
 * user_activity_agg rows differ. The first completion date and unchanged metrics' times are kept from the rows; what
 * it repairs gets {@code now} as its updated time. The enrolments are those listed in enrolments_by_batch.
 */
public final class Reconciler {

    /** @param repaired the enrolment keys whose rows were rewritten (or would be, in a dry run) */
    public record Report(String course, int enrolments, List<String> repaired) {
    }

    private final EnrolmentFacts facts;
    private final ProgressRows rows;
    private final int attemptCap;

    public Reconciler(CqlSession session, int attemptCap) {
        this.facts = new EnrolmentFacts(session);
        this.rows = new ProgressRows(session);
        this.attemptCap = attemptCap;
    }

    /** @param batch one batch, or empty for every batch of the course (course_batch) */
    public Report reconcile(String tenant, String course, Optional<String> batch, Instant now, boolean dryRun) {
        CourseTree tree = facts.tree(tenant, course).orElseThrow(() -> new IllegalArgumentException(
                "course " + course + " of tenant " + tenant + " has no structure in course_structure"));
        List<String> batches = batch.map(List::of).orElseGet(() -> facts.batches(tenant, course));
        int enrolments = 0;
        List<String> repaired = new ArrayList<>();
        for (String b : batches) {
            for (String user : facts.users(tenant, course, b)) {
                enrolments++;
                if (repair(tenant, user, course, b, tree, now, dryRun)) {
                    repaired.add(tenant + "|" + user + "|" + course + "|" + b);
                }
            }
        }
        return new Report(course, enrolments, repaired);
    }

    private boolean repair(String tenant, String user, String course, String batch, CourseTree tree, Instant now,
                           boolean dryRun) {
        Optional<EnrolmentAggregate> byUser = rows.readUserEnrolment(tenant, user, course, batch);
        Optional<EnrolmentAggregate> byBatch = rows.readBatchEnrolment(tenant, user, course, batch);
        Optional<Row> activity = rows.readActivityAgg(tenant, user, course, batch);
        Map<String, MetricValue> metrics = new TreeMap<>();
        activity.ifPresent(r -> {
            Map<String, Instant> times = r.getMap("agg_last_updated", String.class, Instant.class);
            r.getMap("aggregates", String.class, Double.class).forEach((k, v) -> metrics.put(k, new MetricValue(v, times.get(k))));
        });
        Instant completedOn = byUser.map(EnrolmentAggregate::completedOn)
                .or(() -> byBatch.map(EnrolmentAggregate::completedOn)).orElse(null);
        EnrolmentState state = new EnrolmentState(tenant, user, course, batch,
                facts.contents(tenant, user, course, batch), facts.attempts(tenant, user, course, batch), now,
                completedOn, false, 0, null, metrics);
        EnrolmentAggregate expected = Aggregation.compute(state, tree, now, attemptCap);
        boolean drift = byUser.map(row -> !sameProgress(row, expected)).orElse(true)
                || byBatch.map(row -> !sameProgress(row, expected)).orElse(true)
                || activity.map(r -> !r.getMap("aggregates", String.class, Double.class).equals(expected.aggregates()))
                .orElse(true);
        if (drift && !dryRun) {
            // last-read at the repair's own time: it is computed from every fact, and a later access still wins
            long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            rows.upserts(expected, nowMicros).forEach(rows.session()::execute);
        }
        return drift;
    }

    /** Equal progress columns (the row's updated time aside). */
    static boolean sameProgress(EnrolmentAggregate row, EnrolmentAggregate expected) {
        return row.withoutActivity().equals(expected.withoutActivity());
    }
}
