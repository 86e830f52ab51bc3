package dev.stride.reports.dataset.response;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.event.Json;
import dev.stride.reports.cassandra.Batches;
import dev.stride.reports.cassandra.Batches.Batch;
import dev.stride.reports.cassandra.Courses;
import dev.stride.reports.cassandra.Courses.Course;
import dev.stride.reports.cassandra.OrderedWindow;
import dev.stride.reports.cassandra.Pages;
import dev.stride.reports.csv.Cells;
import dev.stride.reports.csv.ReportCsv;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.schema.StrideTables;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code response-exhaust}: every answered question of every assessment attempt of a batch's learners, one row per
 * (learner, assessment, attempt, question), Sunbird's response-exhaust shape. Learners come from the batch's
 * enrolments_by_batch partition (user id order); each learner's attempts are one assessment_attempts partition, read
 * {@code readAhead} at a time and written in learner order. An attempt without question details gets one row with
 * empty question cells.
 */
public final class ResponseExhaust implements Dataset {

    public static final String NAME = "response-exhaust";

    public static final List<String> COLUMNS = List.of("Course Id", "Course Name", "Batch Id", "Batch Name", "User Id",
            "User Name", "Content Id", "Assessment Name", "Attempt Id", "Attempt Time", "Attempt Score",
            "Attempt Max Score", "Question Id", "Question Title", "Question Type", "Question Max Score", "Question Score",
            "Duration (s)", "Answered At", "Response");

    private final CqlSession session;
    private final int pageSize;
    private final int readAhead;
    private final Batches batches;
    private final Courses courses;
    private final PreparedStatement learners;
    private final PreparedStatement attempts;

    public ResponseExhaust(DatasetContext context) {
        this.session = context.session();
        this.pageSize = context.pageSize();
        this.readAhead = context.readAhead();
        this.batches = new Batches(session);
        this.courses = new Courses(session);
        this.learners = session.prepare("SELECT user_id, user_name FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ?");
        this.attempts = session.prepare("SELECT content_id, attempt_id, assessment_ts, total_score, total_max_score,"
                + " question_responses FROM " + StrideTables.ASSESSMENT_ATTEMPTS
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String subjectKey() {
        return "batchId";
    }

    private record Learner(String userId, String name) {
    }

    @Override
    public long write(ReportRequest request, OutputStream out, ReportProgress progress) throws Exception {
        String tenant = request.tenant();
        Batch batch = batches.require(tenant, request.require("batchId", NAME));
        Course course = courses.find(tenant, batch.courseId()).orElse(new Course(batch.courseId(), null, List.of()));
        Map<String, String> names = course.assessmentNames();
        try (ReportCsv csv = new ReportCsv(out, COLUMNS)) {
            OrderedWindow<Learner, AsyncResultSet> window = new OrderedWindow<>(readAhead, (learner, first) -> {
                long before = csv.rows();
                AsyncResultSet page = first;
                while (true) { // a learner's attempts fit one page; follow the paging state anyway
                    for (Row a : page.currentPage()) {
                        writeAttempt(csv, batch, course, names, learner, a);
                    }
                    if (!page.hasMorePages()) {
                        break;
                    }
                    page = Pages.await(page.fetchNextPage());
                }
                progress.rows(csv.rows() - before);
            });
            Pages.forEach(session, learners.bind(tenant, batch.courseId(), batch.batchId()).setPageSize(pageSize), r -> {
                String userId = r.getString(0);
                CompletionStage<AsyncResultSet> read = session.executeAsync(
                        attempts.bind(tenant, userId, batch.courseId(), batch.batchId()));
                window.submit(new Learner(userId, r.getString(1)), read);
            });
            window.finish();
            return csv.rows();
        }
    }

    private static void writeAttempt(ReportCsv csv, Batch batch, Course course, Map<String, String> names, Learner learner,
                                     Row a) throws IOException {
        String contentId = a.getString("content_id");
        List<JsonNode> questions = questions(a.getString("question_responses"), learner, contentId);
        if (questions.isEmpty()) {
            attemptCells(csv, batch, course, names, learner, a, contentId);
            for (int i = 0; i < 8; i++) {
                csv.cell("");
            }
            csv.endRow();
            return;
        }
        for (JsonNode q : questions) {
            attemptCells(csv, batch, course, names, learner, a, contentId);
            JsonNode res = q.get("resvalues");
            csv.cell(Cells.id(text(q, "id"))).cell(Cells.text(text(q, "title"))).cell(Cells.text(text(q, "type")))
                    .cell(Cells.number(number(q, "maxScore"))).cell(Cells.number(number(q, "score")))
                    .cell(Cells.number(number(q, "duration"))).cell(instant(text(q, "answeredAt")))
                    .cell(res == null || res.isNull() ? "" : Cells.text(res.toString()));
            csv.endRow();
        }
    }

    private static void attemptCells(ReportCsv csv, Batch batch, Course course, Map<String, String> names, Learner learner,
                                     Row a, String contentId) throws IOException {
        csv.cell(Cells.id(batch.courseId())).cell(Cells.text(course.name()))
                .cell(Cells.id(batch.batchId())).cell(Cells.text(batch.name()))
                .cell(Cells.id(learner.userId())).cell(Cells.text(learner.name()))
                .cell(Cells.id(contentId)).cell(Cells.text(names.get(contentId)))
                .cell(Cells.id(a.getString("attempt_id"))).cell(Cells.instant(a.getInstant("assessment_ts")))
                .cell(Cells.number(a.isNull("total_score") ? null : a.getDouble("total_score")))
                .cell(Cells.number(a.isNull("total_max_score") ? null : a.getDouble("total_max_score")));
    }

    /** The attempt's questions as stored by content-state-api (a JSON array of ContentStateEvent.Question). */
    static List<JsonNode> questions(String json, Learner learner, String contentId) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (RuntimeException e) {
            throw ReportException.transientFailure("unreadable question_responses of " + learner.userId() + " / "
                    + contentId + ": " + e.getMessage(), e);
        }
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        }
        return out;
    }

    private static String text(JsonNode q, String field) {
        JsonNode v = q.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** answeredAt as the report's ISO-8601 instant; text that is not an instant is kept as written. */
    private static String instant(String s) {
        if (s == null) {
            return "";
        }
        try {
            return Cells.instant(java.time.Instant.parse(s));
        } catch (java.time.format.DateTimeParseException e) {
            return Cells.text(s);
        }
    }

    private static Double number(JsonNode q, String field) {
        JsonNode v = q.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
