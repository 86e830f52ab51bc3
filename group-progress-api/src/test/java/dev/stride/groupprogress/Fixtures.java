package dev.stride.groupprogress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Writes the rows other services (content-state-api, the aggregator) would have written, straight into the tables. */
final class Fixtures {

    /** One learner's enrolment with progress, as the aggregator stores it. */
    record Enrolment(String userId, String name, String courseId, String batchId, int status, double completion,
                     Instant lastAccess, Double totalScore, Long timeSpent, Map<String, Double> bestScores) {
    }

    private final CqlSession session;
    private final PreparedStatement user;
    private final PreparedStatement byUser;
    private final PreparedStatement byBatch;
    private final PreparedStatement agg;
    private final PreparedStatement batch;
    private final PreparedStatement structure;

    Fixtures(CqlSession session, String keyspace) {
        this.session = session;
        String ks = keyspace + ".";
        this.user = session.prepare("INSERT INTO " + ks + "users (tenant, user_id, name) VALUES (?, ?, ?)");
        this.byUser = session.prepare("INSERT INTO " + ks + "user_enrolments (tenant, user_id, course_id, batch_id,"
                + " course_name, status, completion_percentage, last_access_time, total_score, time_spent_seconds, best_scores)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.byBatch = session.prepare("INSERT INTO " + ks + "enrolments_by_batch (tenant, course_id, batch_id, user_id,"
                + " user_name, course_name, status, completion_percentage, last_access_time, total_score, time_spent_seconds,"
                + " best_scores, enrolled_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.agg = session.prepare("INSERT INTO " + ks + "user_activity_agg (tenant, activity_type, activity_id, user_id,"
                + " context_id, aggregates, agg_last_updated) VALUES (?, 'Course', ?, ?, ?, ?, ?)");
        this.batch = session.prepare("INSERT INTO " + ks + "batch_by_id (tenant, batch_id, course_id, name, start_date)"
                + " VALUES (?, ?, ?, ?, ?)");
        this.structure = session.prepare("INSERT INTO " + ks + "course_structure (tenant, course_id, name,"
                + " assessment_max_scores) VALUES (?, ?, ?, ?)");
    }

    void users(String tenant, String... userIds) {
        List<Statement<?>> all = new ArrayList<>();
        for (String id : userIds) {
            all.add(user.bind(tenant, id, "User " + id));
        }
        run(all);
    }

    void enrolments(String tenant, List<Enrolment> rows) {
        List<Statement<?>> all = new ArrayList<>();
        for (Enrolment e : rows) {
            Map<String, Double> scores = e.bestScores() == null ? Map.of() : e.bestScores();
            all.add(byUser.bind(tenant, e.userId(), e.courseId(), e.batchId(), "Course " + e.courseId(), e.status(),
                    e.completion(), e.lastAccess(), e.totalScore(), e.timeSpent(), scores));
            all.add(byBatch.bind(tenant, e.courseId(), e.batchId(), e.userId(), e.name(), "Course " + e.courseId(),
                    e.status(), e.completion(), e.lastAccess(), e.totalScore(), e.timeSpent(), scores, Instant.now()));
        }
        run(all);
    }

    void activityAgg(String tenant, String courseId, String userId, String batchId, double completedCount,
                     double completion, Instant updated) {
        run(List.of(agg.bind(tenant, courseId, userId, "cb:" + batchId,
                Map.of("completedCount", completedCount, "completionPercentage", completion),
                Map.of("completedCount", updated, "completionPercentage", updated))));
    }

    void batch(String tenant, String courseId, String batchId) {
        run(List.of(batch.bind(tenant, batchId, courseId, "Batch " + batchId, LocalDate.now())));
    }

    void structure(String tenant, String courseId, Map<String, Double> maxScores) {
        run(List.of(structure.bind(tenant, courseId, "Course " + courseId, maxScores)));
    }

    /** Executes in parallel, at most 64 in flight. */
    private void run(List<Statement<?>> statements) {
        Semaphore permits = new Semaphore(64);
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (Statement<?> s : statements) {
            permits.acquireUninterruptibly();
            futures.add(session.executeAsync(s).toCompletableFuture().whenComplete((r, e) -> permits.release()));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    }
}
