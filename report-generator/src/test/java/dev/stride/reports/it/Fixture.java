package dev.stride.reports.it;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.core.course.CourseNode;
import dev.stride.core.event.Json;
import dev.stride.reports.cli.Generator;
import dev.stride.reports.store.LocalReportStore;
import dev.stride.schema.CassandraSessions;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import dev.stride.testkit.StrideStack;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fresh keyspace with the Stride schema, a session bound to it, a temporary report store, and row writers. */
final class Fixture implements AutoCloseable {

    final String keyspace;
    final CqlSession session;
    final Path reports;
    final Generator generator;

    Fixture(StrideStack stack, String name) throws IOException {
        this.keyspace = stack.freshKeyspace(name);
        MigrationRunner.migrate(stack.session(), keyspace, Replication.simple(1));
        this.session = CassandraSessions.open(stack.cassandraContactPoint(), "datacenter1", keyspace, StrideStack.testDriverConfig());
        this.reports = Files.createTempDirectory("stride-reports-it-");
        // small pages and read-ahead so paging and ordered windows are exercised by small data
        this.generator = new Generator(session, new LocalReportStore(reports), 3, 2, ZoneOffset.UTC, Clock.systemUTC());
    }

    void batch(String tenant, String courseId, String batchId, String name, LocalDate start, LocalDate end) {
        session.execute("INSERT INTO batch_by_id (tenant, batch_id, course_id, name, start_date, end_date, enrollment_type)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'open')", tenant, batchId, courseId, name, start, end);
    }

    /** A course whose leaves are given as id → maxScore (null: not an assessment), names "Name of <id>". */
    void course(String tenant, String courseId, String name, Map<String, Double> leaves) {
        List<CourseNode> children = new ArrayList<>();
        leaves.forEach((id, max) -> children.add(new CourseNode(id, "Name of " + id, "application/pdf", List.of(), false, max)));
        CourseNode root = new CourseNode(courseId, name, CourseNode.COLLECTION_MIME_TYPE,
                List.of(new CourseNode(courseId + "-unit", "Unit", CourseNode.COLLECTION_MIME_TYPE, children, false, null)), false, null);
        session.execute("INSERT INTO course_structure (tenant, course_id, name, tree) VALUES (?, ?, ?, ?)",
                tenant, courseId, name, Json.write(root));
    }

    void brokenCourse(String tenant, String courseId) {
        session.execute("INSERT INTO course_structure (tenant, course_id, name, tree) VALUES (?, ?, ?, ?)",
                tenant, courseId, "Broken", "{not json");
    }

    /** One learner of a batch, as the aggregator and content-state-api leave it. */
    record Learner(String userId, String name, String orgName, String schoolId, String schoolName, String district,
                   String state, String block, String cluster, String userType, String userSubType, Instant enrolled,
                   Instant completedOn, Double completion, Integer status, Double totalScore, Map<String, Double> best) {
    }

    void enrol(String tenant, String courseId, String batchId, String courseName, String batchName, Learner l) {
        session.execute("INSERT INTO enrolments_by_batch (tenant, course_id, batch_id, user_id, course_name, batch_name,"
                        + " user_name, org_name, school_id, school_name, district, state, block, cluster, user_type, user_sub_type,"
                        + " enrolled_date, completed_on, completion_percentage, status, total_score, best_scores)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, courseId, batchId, l.userId(), courseName, batchName, l.name(), l.orgName(), l.schoolId(),
                l.schoolName(), l.district(), l.state(), l.block(), l.cluster(), l.userType(), l.userSubType(), l.enrolled(),
                l.completedOn(), l.completion(), l.status(), l.totalScore(), l.best());
    }

    void userEnrolment(String tenant, String userId, String courseId, String batchId, String courseName, int status,
                       double completion, Instant lastAccess, Double totalScore) {
        session.execute("INSERT INTO user_enrolments (tenant, user_id, course_id, batch_id, course_name, status,"
                        + " completion_percentage, last_access_time, total_score, enrolled_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, userId, courseId, batchId, courseName, status, completion, lastAccess, totalScore,
                Instant.parse("2026-01-02T00:00:00Z"));
    }

    void group(String tenant, String groupId, String name, Map<String, String> activities) {
        session.execute("INSERT INTO groups (tenant, group_id, name, status, activities) VALUES (?, ?, ?, 'active', ?)",
                tenant, groupId, name, activities);
    }

    void member(String tenant, String groupId, String userId, String name, String role) {
        session.execute("INSERT INTO group_members (tenant, group_id, user_id, role, status, name) VALUES (?, ?, ?, ?, 'active', ?)",
                tenant, groupId, userId, role, name);
    }

    void attempt(String tenant, String userId, String courseId, String batchId, String contentId, String attemptId,
                 Instant at, double score, double max, String questionsJson) {
        session.execute("INSERT INTO assessment_attempts (tenant, user_id, course_id, batch_id, content_id, attempt_id,"
                        + " assessment_ts, total_score, total_max_score, question_responses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, userId, courseId, batchId, contentId, attemptId, at, score, max, questionsJson);
    }

    /** Submits a request the way group-progress-api does: the row and its SUBMITTED queue entry in one logged batch. */
    void submit(String tenant, String tag, String requestId, String dataset, Map<String, String> config, String format) {
        Instant now = Instant.now();
        session.execute("BEGIN BATCH"
                        + " INSERT INTO job_requests (tenant, tag, request_id, dataset, dataset_config, status, requested_by,"
                        + " output_format, attempts, submitted_at, last_updated) VALUES (?, ?, ?, ?, ?, 'SUBMITTED', 'admin', ?, 0, ?, ?);"
                        + " INSERT INTO job_requests_by_status (tenant, status, request_id, tag, dataset, submitted_at)"
                        + " VALUES (?, 'SUBMITTED', ?, ?, ?, ?);"
                        + " APPLY BATCH",
                tenant, tag, requestId, dataset, config, format, now, now, tenant, requestId, tag, dataset, now);
    }

    static List<CSVRecord> parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("no byte-order mark in " + file);
        }
        try (CSVParser p = CSVParser.parse(text.substring(1), CSVFormat.RFC4180)) {
            return p.getRecords();
        }
    }

    @Override
    public void close() throws IOException {
        session.close();
        try (var files = Files.walk(reports)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
