package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.Json;
import dev.stride.samza.reconcile.Reconciler;
import dev.stride.schema.CassandraSessions;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.stride.samza.progress.JobFixture.COURSE;
import static dev.stride.samza.progress.JobFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciler (dev.stride.samza.reconcile, behind `stride reconcile`) after a real job run: drift injected by hand
 * into the three tables is found and repaired from the facts, healthy rows and the users' report fields are left alone.
 */
@StrideIntegrationTest
class ReconcileIT {

    @Test
    void repairsExactlyTheDriftedEnrolmentsAndNeverTheReportFields(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "reconcile");
             CqlSession ks = CassandraSessions.open(stack.cassandraContactPoint(), "datacenter1", f.keyspace)) {
            List<Learners.Enrolment> enrolments = JobFixture.enrolments(60);
            CourseTree tree = JobFixture.tree();
            ks.execute("INSERT INTO course_structure (tenant, course_id, name, tree) VALUES (?, ?, ?, ?)",
                    TENANT, COURSE, tree.name(), Json.write(tree.root()));
            for (String batch : List.of("batch0", "batch1")) {
                ks.execute("INSERT INTO course_batch (tenant, course_id, batch_id, name) VALUES (?, ?, ?, ?)",
                        TENANT, COURSE, batch, batch);
            }
            f.publishTree(tree, Instant.parse("2026-02-01T00:00:00Z"));
            f.publish(f.learners.updates(enrolments, JobFixture.CONTENTS, 1200));
            JobProcess job = f.process("p1").start();
            f.awaitConverged(enrolments, tree, Duration.ofSeconds(240));
            assertThat(job.stop()).isZero();
            Reconciler reconciler = new Reconciler(ks, 25);
            assertThat(reconciler.reconcile(TENANT, COURSE, Optional.empty(), Instant.now(), false).repaired())
                    .as("the job's rows agree with the facts").isEmpty();

            ks.execute("UPDATE user_enrolments SET status = 0, progress = 0 WHERE tenant = ? AND user_id = 'user0'"
                    + " AND course_id = ? AND batch_id = 'batch0'", TENANT, COURSE);
            ks.execute("UPDATE enrolments_by_batch SET completion_percentage = 12.5, user_name = 'Ada' WHERE tenant = ?"
                    + " AND course_id = ? AND batch_id = 'batch1' AND user_id = 'user1'", TENANT, COURSE);
            ks.execute("DELETE FROM user_activity_agg WHERE tenant = ? AND activity_type = 'Course' AND activity_id = ?"
                    + " AND user_id = 'user2' AND context_id = 'cb:batch0'", TENANT, COURSE);
            ks.execute("UPDATE user_activity_agg SET aggregates['completedCount'] = 99 WHERE tenant = ?"
                    + " AND activity_type = 'Course' AND activity_id = ? AND user_id = 'user3' AND context_id = 'cb:batch1'",
                    TENANT, COURSE);
            List<String> drifted = List.of(key("user0", "batch0"), key("user1", "batch1"), key("user2", "batch0"),
                    key("user3", "batch1"));
            assertThat(f.oracle.mismatches(enrolments, tree)).hasSize(4);

            Reconciler.Report dry = reconciler.reconcile(TENANT, COURSE, Optional.empty(), Instant.now(), true);
            assertThat(dry.repaired()).containsExactlyInAnyOrderElementsOf(drifted);
            assertThat(f.oracle.mismatches(enrolments, tree)).hasSize(4); // a dry run writes nothing

            Reconciler.Report batch0 = reconciler.reconcile(TENANT, COURSE, Optional.of("batch0"), Instant.now(), false);
            assertThat(batch0.enrolments()).isEqualTo(30);
            assertThat(batch0.repaired()).containsExactlyInAnyOrder(drifted.get(0), drifted.get(2));

            Reconciler.Report all = reconciler.reconcile(TENANT, COURSE, Optional.empty(), Instant.now(), false);
            assertThat(all.enrolments()).isEqualTo(60);
            assertThat(all.repaired()).containsExactlyInAnyOrder(drifted.get(1), drifted.get(3));
            assertThat(f.oracle.mismatches(enrolments, tree)).isEmpty();
            assertThat(reconciler.reconcile(TENANT, COURSE, Optional.empty(), Instant.now(), false).repaired()).isEmpty();
            assertThat(ks.execute("SELECT user_name FROM enrolments_by_batch WHERE tenant = ? AND course_id = ?"
                    + " AND batch_id = 'batch1' AND user_id = 'user1'", TENANT, COURSE).one().getString("user_name"))
                    .isEqualTo("Ada");
        }
    }

    private static String key(String user, String batch) {
        return TENANT + "|" + user + "|" + COURSE + "|" + batch;
    }
}
