package dev.stride.groupprogress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.groupprogress.jobrequest.RequestId;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.stride.groupprogress.Calls.member;
import static dev.stride.groupprogress.Calls.req;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report job requests against the real Cassandra: submit (idempotent, reset of finished ones), list, read, the
 * authorisation matrix, every bad input (nothing stored), and downloads with their audit rows. The test plays the
 * report generator's part through CQL and the report store exactly as docs/REPORTS.md says.
 */
@StrideIntegrationTest
class JobRequestIT {

    static final String T = "school-a";
    static final String B = "school-b";
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR"));
    static final String ORG = TestApi.token(T, "principal", List.of("ORG_ADMIN"));
    static final String LEARNER = TestApi.token(T, "s1", List.of("LEARNER"));
    /** A learner by token role who is an admin member of the group. */
    static final String GROUP_ADMIN_MEMBER = TestApi.token(T, "gadmin", List.of("LEARNER"));
    static final String OTHER_GROUP_ADMIN = TestApi.token(T, "teacher2", List.of("GROUP_ADMIN"));
    static final String OTHER_ORG = TestApi.token(B, "principal", List.of("ORG_ADMIN"));

    static TestApi api;
    static Calls calls;
    static CqlSession session;
    static String ks;
    static Path reports;
    static String groupId;
    static String otherTenantGroupId;

    @BeforeAll
    static void start(StrideStack stack) throws IOException {
        reports = Files.createTempDirectory("jobrequest-reports");
        api = TestApi.start(stack, Map.of("stride.reports.dir", reports));
        calls = new Calls(api.client);
        session = stack.session();
        ks = api.keyspace;
        Fixtures f = new Fixtures(session, ks);
        f.users(T, "teacher", "principal", "s1", "gadmin", "teacher2");
        f.users(B, "principal", "x1");
        f.structure(T, "c1", Map.of());
        f.structure(T, "c2", Map.of());
        f.batch(T, "c1", "b1");
        f.batch(T, "c1", "b-empty");
        f.batch(T, "c2", "b2");
        f.structure(B, "c9", Map.of());
        f.batch(B, "c9", "b9");
        f.enrolments(T, List.of(new Fixtures.Enrolment("s1", "User s1", "c1", "b1", 1, 40, Instant.now(), null, null, null)));
        groupId = calls.createGroup(ORG, "Class 7B", List.of(member("gadmin", "admin"), member("s1", "member")), List.of("c1"));
        otherTenantGroupId = calls.createGroup(OTHER_ORG, "Elsewhere", List.of(member("x1", "member")), List.of("c9"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static Map<String, Object> submitBody(String tag, String dataset, Map<String, Object> config) {
        Map<String, Object> r = new HashMap<>();
        r.put("tag", tag);
        r.put("dataset", dataset);
        r.put("datasetConfig", config);
        r.put("output_format", "csv");
        return r;
    }

    static Calls.Response submit(String token, Map<String, Object> request) {
        return calls.call(HttpMethod.POST, "/v1/jobrequest/submit", token, req(request));
    }

    static JsonNode submitted(String token, String tag, String dataset, Map<String, Object> config) {
        return submit(token, submitBody(tag, dataset, config)).expect(200).result();
    }

    static Row job(String tag, String requestId) {
        return session.execute("SELECT * FROM " + ks + ".job_requests WHERE tenant = ? AND tag = ? AND request_id = ?",
                T, tag, requestId).one();
    }

    static boolean queued(String status, String requestId) {
        return session.execute("SELECT request_id FROM " + ks + ".job_requests_by_status WHERE tenant = ? AND status = ?"
                + " AND request_id = ?", T, status, requestId).one() != null;
    }

    static long storedRows() {
        return session.execute("SELECT count(*) FROM " + ks + ".job_requests").one().getLong(0)
                + session.execute("SELECT count(*) FROM " + ks + ".job_requests_by_status").one().getLong(0);
    }

    static List<Row> audit(String subject) {
        return session.execute("SELECT * FROM " + ks + ".access_audit WHERE tenant = ? AND subject_user_id = ?", T, subject).all();
    }

    /** The generator's claim: compare-and-set on status and attempts, then the queue row moves to PROCESSING. */
    static void claim(String tag, String requestId) {
        Row r = job(tag, requestId);
        int attempts = r.getInt("attempts");
        Instant now = Instant.now();
        boolean applied = session.execute("UPDATE " + ks + ".job_requests SET status = 'PROCESSING', claimed_by = ?,"
                        + " started_at = ?, attempts = ?, last_updated = ? WHERE tenant = ? AND tag = ? AND request_id = ?"
                        + " IF status = 'SUBMITTED' AND attempts = ?",
                "gen-1", now, attempts + 1, now, T, tag, requestId, attempts).wasApplied();
        assertThat(applied).isTrue();
        session.execute("BEGIN BATCH DELETE FROM " + ks + ".job_requests_by_status WHERE tenant = ? AND status = 'SUBMITTED'"
                        + " AND request_id = ?; INSERT INTO " + ks + ".job_requests_by_status (tenant, status, request_id, tag,"
                        + " dataset, submitted_at) VALUES (?, 'PROCESSING', ?, ?, ?, ?); APPLY BATCH",
                T, requestId, T, requestId, tag, r.getString("dataset"), r.getInstant("submitted_at"));
    }

    static String downloadUrl(String tag, String requestId) {
        return "/v1/jobrequest/download/" + tag + "?requestId=" + requestId;
    }

    /** The generator's success: SUCCESS with the download url and finished_at, the queue row deleted. */
    static void succeed(String tag, String requestId) {
        session.execute("UPDATE " + ks + ".job_requests SET status = 'SUCCESS', download_urls = ?, finished_at = ?,"
                        + " last_updated = ? WHERE tenant = ? AND tag = ? AND request_id = ?",
                List.of(downloadUrl(tag, requestId)), Instant.now(), Instant.now(), T, tag, requestId);
        session.execute("DELETE FROM " + ks + ".job_requests_by_status WHERE tenant = ? AND status = 'PROCESSING'"
                + " AND request_id = ?", T, requestId);
    }

    /** The generator's third failure: FAILED with the reason (here the queue row is left under FAILED). */
    static void fail(String tag, String requestId, String reason) {
        session.execute("UPDATE " + ks + ".job_requests SET status = 'FAILED', status_message = ?, attempts = 3,"
                + " finished_at = ?, last_updated = ? WHERE tenant = ? AND tag = ? AND request_id = ?",
                reason, Instant.now(), Instant.now(), T, tag, requestId);
        session.execute("BEGIN BATCH DELETE FROM " + ks + ".job_requests_by_status WHERE tenant = ? AND status = 'PROCESSING'"
                        + " AND request_id = ?; INSERT INTO " + ks + ".job_requests_by_status (tenant, status, request_id, tag,"
                        + " dataset) VALUES (?, 'FAILED', ?, ?, 'progress-exhaust'); APPLY BATCH",
                T, requestId, T, requestId, tag);
    }

    /** Publishes a requested report: temp file, atomic rename, then its report_files row. Returns the store path. */
    static String publish(String requestId, String dataset, String target, String csv, Instant generatedAt) throws Exception {
        String path = T + "/requests/" + requestId + "/" + dataset + "-" + target + ".csv";
        Path file = reports.resolve(path);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        session.execute("INSERT INTO " + ks + ".report_files (tenant, report_key, generated_at, path, size_bytes, row_count,"
                        + " checksum_sha256, request_id, report_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                T, "request:" + requestId, generatedAt, path, (long) bytes.length, csv.lines().count() - 1,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), requestId, LocalDate.now());
        return path;
    }

    // ---- submit ----------------------------------------------------------------------------------------------------

    @Test
    void submitStoresTheRequestAndItsQueueRowAndADuplicateOfAPendingOneReturnsIt() {
        Calls.Response first = submit(TEACHER, submitBody("b1_teacher", "progress-exhaust", Map.of("batchId", "b1"))).expect(200);
        assertThat(first.body().path("id").asString()).isEqualTo("api.dataset.request.submit");
        JsonNode r = first.result();
        String id = RequestId.of(T, "b1_teacher", "progress-exhaust", Map.of("batchId", "b1"), "csv");
        assertThat(r.path("requestId").asString()).isEqualTo(id);
        assertThat(r.path("tag").asString()).isEqualTo("b1_teacher");
        assertThat(r.path("dataset").asString()).isEqualTo("progress-exhaust");
        assertThat(r.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.path("attempts").asInt()).isZero();
        assertThat(r.path("requestedBy").asString()).isEqualTo("teacher");
        assertThat(r.path("output_format").asString()).isEqualTo("csv");
        assertThat(r.path("downloadUrls").size()).isZero();
        assertThat(r.path("datasetConfig").path("batchId").asString()).isEqualTo("b1");
        assertThat(r.path("datasetConfig").path("courseId").asString()).isEqualTo("c1");
        assertThat(r.path("lastUpdated").asLong()).isPositive();

        Row row = job("b1_teacher", id);
        assertThat(row.getString("status")).isEqualTo("SUBMITTED");
        assertThat(row.getMap("dataset_config", String.class, String.class)).isEqualTo(Map.of("batchId", "b1", "courseId", "c1"));
        assertThat(row.getString("requested_by")).isEqualTo("teacher");
        assertThat(queued("SUBMITTED", id)).isTrue();

        JsonNode again = submitted(TEACHER, "b1_teacher", "progress-exhaust", Map.of("batchId", "b1"));
        assertThat(again.path("requestId").asString()).isEqualTo(id);
        assertThat(again.path("lastUpdated").asLong()).isEqualTo(r.path("lastUpdated").asLong());

        claim("b1_teacher", id);
        JsonNode whileRunning = submitted(ORG, "b1_teacher", "progress-exhaust", Map.of("batchId", "b1"));
        assertThat(whileRunning.path("status").asString()).isEqualTo("PROCESSING");
        assertThat(whileRunning.path("attempts").asInt()).isEqualTo(1);
        assertThat(whileRunning.path("requestedBy").asString()).isEqualTo("teacher");
        assertThat(job("b1_teacher", id).getString("claimed_by")).isEqualTo("gen-1");
        assertThat(queued("SUBMITTED", id)).isFalse();
        assertThat(queued("PROCESSING", id)).isTrue();
    }

    @Test
    void aResubmitOfAFinishedRequestResetsItForAFreshRun() {
        String id = submitted(TEACHER, "again", "response-exhaust", Map.of("batchId", "b1")).path("requestId").asString();
        claim("again", id);
        succeed("again", id);
        JsonNode done = calls.get("/v1/jobrequest/read/again?requestId=" + id, TEACHER).expect(200).result();
        assertThat(done.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("downloadUrls").get(0).asString()).isEqualTo(downloadUrl("again", id));

        JsonNode reset = submitted(TEACHER, "again", "response-exhaust", Map.of("batchId", "b1"));
        assertThat(reset.path("requestId").asString()).isEqualTo(id);
        assertThat(reset.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(reset.path("attempts").asInt()).isZero();
        assertThat(reset.path("downloadUrls").size()).isZero();
        Row row = job("again", id);
        assertThat(row.getString("claimed_by")).isNull();
        assertThat(row.getInstant("finished_at")).isNull();
        assertThat(row.getList("download_urls", String.class)).isEmpty();
        assertThat(queued("SUBMITTED", id)).isTrue();

        claim("again", id);
        fail("again", id, "batch b1 could not be read");
        JsonNode failed = calls.get("/v1/jobrequest/read/again?requestId=" + id, TEACHER).expect(200).result();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("statusMessage").asString()).isEqualTo("batch b1 could not be read");
        JsonNode retried = submitted(ORG, "again", "response-exhaust", Map.of("batchId", "b1"));
        assertThat(retried.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(retried.path("attempts").asInt()).isZero();
        assertThat(retried.path("statusMessage").isNull()).isTrue();
        assertThat(retried.path("requestedBy").asString()).isEqualTo("principal");
        assertThat(queued("FAILED", id)).isFalse();
        assertThat(queued("SUBMITTED", id)).isTrue();
    }

    @Test
    void aBatchWithNoEnrolmentsIsAcceptedItsReportWillBeEmpty() {
        JsonNode r = submitted(TEACHER, "empty", "progress-exhaust", Map.of("batchId", "b-empty"));
        assertThat(r.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(r.path("datasetConfig").path("courseId").asString()).isEqualTo("c1");
    }

    // ---- list and read -----------------------------------------------------------------------------------------------

    @Test
    void listShowsTheTagsRequestsTheCallerMaySeeNewestFirstAndReadShowsOne() {
        String batchJob = submitted(TEACHER, "mixed", "progress-exhaust", Map.of("batchId", "b1")).path("requestId").asString();
        String courseJob = submitted(TEACHER, "mixed", "course-summary", Map.of("courseId", "c1", "batchId", "b1"))
                .path("requestId").asString();
        String groupJob = submitted(GROUP_ADMIN_MEMBER, "mixed", "group-progress", Map.of("groupId", groupId))
                .path("requestId").asString();

        Calls.Response all = calls.get("/v1/jobrequest/list/mixed", ORG).expect(200);
        assertThat(all.body().path("id").asString()).isEqualTo("api.dataset.request.list");
        assertThat(all.result().path("count").asInt()).isEqualTo(3);
        assertThat(all.result().path("jobs").valueStream().map(j -> j.path("requestId").asString()))
                .containsExactly(groupJob, courseJob, batchJob);
        JsonNode first = all.result().path("jobs").get(0);
        assertThat(first.path("dataset").asString()).isEqualTo("group-progress");
        assertThat(first.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.path("datasetConfig").path("groupId").asString()).isEqualTo(groupId);
        assertThat(first.has("statusMessage")).isTrue();
        assertThat(first.path("downloadUrls").isArray()).isTrue();
        assertThat(first.path("lastUpdated").asLong()).isPositive();
        assertThat(first.path("attempts").asInt()).isZero();

        assertThat(calls.get("/v1/jobrequest/list/mixed", TEACHER).expect(200).result().path("jobs").valueStream()
                .map(j -> j.path("requestId").asString())).containsExactly(courseJob, batchJob);
        assertThat(calls.get("/v1/jobrequest/list/mixed", GROUP_ADMIN_MEMBER).expect(200).result().path("jobs").valueStream()
                .map(j -> j.path("requestId").asString())).containsExactly(groupJob);
        assertThat(calls.get("/v1/jobrequest/list/mixed", LEARNER).expect(200).result().path("count").asInt()).isZero();
        assertThat(calls.get("/v1/jobrequest/list/mixed", OTHER_ORG).expect(200).result().path("count").asInt()).isZero();
        assertThat(calls.get("/v1/jobrequest/list/nothing-here", ORG).expect(200).result().path("count").asInt()).isZero();

        Calls.Response read = calls.get("/v1/jobrequest/read/mixed?requestId=" + courseJob, TEACHER).expect(200);
        assertThat(read.body().path("id").asString()).isEqualTo("api.dataset.request.read");
        assertThat(read.result().path("requestId").asString()).isEqualTo(courseJob);
        assertThat(read.result().path("datasetConfig").path("courseId").asString()).isEqualTo("c1");
        calls.get("/v1/jobrequest/read/mixed?requestId=" + groupJob, GROUP_ADMIN_MEMBER).expect(200);
        calls.get("/v1/jobrequest/read/mixed?requestId=" + batchJob, LEARNER).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        calls.get("/v1/jobrequest/read/mixed?requestId=" + groupJob, TEACHER).expectError(403, "FORBIDDEN", "admins of the group");
        calls.get("/v1/jobrequest/read/mixed?requestId=" + batchJob, OTHER_ORG)
                .expectError(404, "JOB_REQUEST_NOT_FOUND", batchJob);
        calls.get("/v1/jobrequest/read/other-tag?requestId=" + batchJob, ORG)
                .expectError(404, "JOB_REQUEST_NOT_FOUND", batchJob);
        calls.get("/v1/jobrequest/read/mixed?requestId=0123456789abcdef0123456789abcdef", ORG)
                .expectError(404, "JOB_REQUEST_NOT_FOUND", "0123456789abcdef0123456789abcdef");
        calls.get("/v1/jobrequest/list/mixed", null).expectError(401, "UNAUTHORIZED", "bearer token");
    }

    // ---- who may submit -------------------------------------------------------------------------------------------

    @Test
    void onlyStaffRequestBatchAndCourseReportsAndOnlyGroupAdminsAndOrgAdminsGroupReports() {
        long before = storedRows();
        Map<String, Object> batch = Map.of("batchId", "b1");
        submit(LEARNER, submitBody("authz", "progress-exhaust", batch)).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        submit(LEARNER, submitBody("authz", "response-exhaust", batch)).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        submit(OTHER_GROUP_ADMIN, submitBody("authz", "progress-exhaust", batch)).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        submit(GROUP_ADMIN_MEMBER, submitBody("authz", "progress-exhaust", batch)).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        submit(LEARNER, submitBody("authz", "course-summary", Map.of("courseId", "c1"))).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        Map<String, Object> group = Map.of("groupId", groupId);
        submit(LEARNER, submitBody("authz", "group-progress", group)).expectError(403, "FORBIDDEN", "admins");
        submit(TEACHER, submitBody("authz", "group-progress", group)).expectError(403, "FORBIDDEN", "admins");
        submit(OTHER_GROUP_ADMIN, submitBody("authz", "group-progress", group)).expectError(403, "FORBIDDEN", "admins");
        submit(null, submitBody("authz", "progress-exhaust", batch)).expectError(401, "UNAUTHORIZED", "bearer token");

        // another tenant's batch, group or course looks exactly like a missing one
        submit(TEACHER, submitBody("authz", "progress-exhaust", Map.of("batchId", "b9"))).expectError(404, "BATCH_NOT_FOUND", "b9");
        submit(TEACHER, submitBody("authz", "progress-exhaust", Map.of("batchId", "nope"))).expectError(404, "BATCH_NOT_FOUND", "nope");
        submit(ORG, submitBody("authz", "group-progress", Map.of("groupId", otherTenantGroupId)))
                .expectError(404, "GROUP_NOT_FOUND", otherTenantGroupId);
        submit(TEACHER, submitBody("authz", "course-summary", Map.of("courseId", "c9"))).expectError(404, "COURSE_NOT_FOUND", "c9");
        submit(TEACHER, submitBody("authz", "course-summary", Map.of("courseId", "c2", "batchId", "b1")))
                .expectError(404, "BATCH_NOT_FOUND", "b1");
        assertThat(storedRows()).isEqualTo(before);

        submitted(TEACHER, "authz", "progress-exhaust", batch);
        submitted(ORG, "authz", "response-exhaust", batch);
        submitted(TEACHER, "authz", "course-summary", Map.of("courseId", "c2"));
        submitted(GROUP_ADMIN_MEMBER, "authz", "group-progress", group);
        submitted(ORG, "authz2", "group-progress", group);
        assertThat(calls.get("/v1/jobrequest/list/authz", ORG).expect(200).result().path("count").asInt()).isEqualTo(4);
    }

    // ---- bad input -------------------------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedNamingTheFieldAndTheRuleAndNothingIsStored() {
        long before = storedRows();
        calls.call(HttpMethod.POST, "/v1/jobrequest/submit", TEACHER, Map.of("id", "api.test"))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request is required");
        Map<String, Object> noTag = submitBody("t", "progress-exhaust", Map.of("batchId", "b1"));
        noTag.remove("tag");
        submit(TEACHER, noTag).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.tag is required");
        submit(TEACHER, submitBody("b1 teacher", "progress-exhaust", Map.of("batchId", "b1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.tag must be 1-260 characters");
        submit(TEACHER, submitBody("x".repeat(261), "progress-exhaust", Map.of("batchId", "b1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.tag must be 1-260 characters");
        Map<String, Object> noDataset = submitBody("t", null, Map.of("batchId", "b1"));
        submit(TEACHER, noDataset).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.dataset is required");
        submit(TEACHER, submitBody("t", "user-exhaust", Map.of("batchId", "b1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.dataset must be one of progress-exhaust");
        submit(TEACHER, submitBody("t", "progress-exhaust", Map.of()))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request.datasetConfig.batchId is required");
        Map<String, Object> noConfig = submitBody("t", "response-exhaust", null);
        noConfig.remove("datasetConfig");
        submit(TEACHER, noConfig).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.datasetConfig.batchId is required");
        submit(ORG, submitBody("t", "group-progress", Map.of()))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request.datasetConfig.groupId is required");
        submit(TEACHER, submitBody("t", "course-summary", Map.of("batchId", "b1")))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request.datasetConfig.courseId is required");
        Map<String, Object> xlsx = submitBody("t", "progress-exhaust", Map.of("batchId", "b1"));
        xlsx.put("output_format", "xlsx");
        submit(TEACHER, xlsx).expectError(400, "INVALID_PARAMETER_VALUE", "request.output_format must be csv");
        submit(TEACHER, submitBody("t", "progress-exhaust", Map.of("batchId", "b/1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.datasetConfig.batchId must be 1-128 characters");
        submit(ORG, submitBody("t", "group-progress", Map.of("groupId", "../etc")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.datasetConfig.groupId must be 1-128 characters");
        submit(TEACHER, submitBody("t", "progress-exhaust", Map.of("batchId", 7)))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.datasetConfig.batchId must be a string");
        submit(TEACHER, submitBody("t", "progress-exhaust", Map.of("batchId", "b1", "groupId", "g")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.datasetConfig.groupId is not a setting of progress-exhaust");
        Map<String, Object> someoneElse = submitBody("t", "progress-exhaust", Map.of("batchId", "b1"));
        someoneElse.put("requestedBy", "principal");
        submit(TEACHER, someoneElse).expectError(400, "INVALID_PARAMETER_VALUE", "request.requestedBy must be the caller's own user id");
        calls.call(HttpMethod.POST, "/v1/jobrequest/submit", TEACHER, "{\"request\":{\"tag\":\"t\",\"dataset\":\"progress-exhaust\","
                + "\"datasetConfig\":\"b1\"}}").expectError(400, "INVALID_PARAMETER_VALUE", "request.datasetConfig");
        calls.call(HttpMethod.POST, "/v1/jobrequest/submit", TEACHER, "{\"request\":{\"tag\":")
                .expectError(400, "MALFORMED_JSON", "not valid JSON");
        assertThat(storedRows()).isEqualTo(before);

        calls.get("/v1/jobrequest/list/bad!tag", ORG).expectError(400, "INVALID_PARAMETER_VALUE", "tag must be 1-260");
        calls.get("/v1/jobrequest/read/t", ORG).expectError(400, "MANDATORY_PARAMETER_MISSING", "requestId is required");
        calls.get("/v1/jobrequest/read/t?requestId=xyz", ORG).expectError(400, "INVALID_PARAMETER_VALUE", "requestId must be 32 hex");
        calls.get("/v1/jobrequest/read/bad!tag?requestId=0123456789abcdef0123456789abcdef", ORG)
                .expectError(400, "INVALID_PARAMETER_VALUE", "tag must be 1-260");
        calls.get("/v1/jobrequest/download/t", ORG).expectError(400, "MANDATORY_PARAMETER_MISSING", "requestId is required");
        calls.get("/v1/jobrequest/download/t?requestId=../../x", ORG).expectError(400, "INVALID_PARAMETER_VALUE", "requestId");
        calls.get("/v1/jobrequest/download/t?requestId=0123456789abcdef0123456789abcdef", ORG)
                .expectError(404, "JOB_REQUEST_NOT_FOUND", "0123456789abcdef0123456789abcdef");
    }

    // ---- download and audit ----------------------------------------------------------------------------------------

    @Test
    void aFinishedReportIsStreamedToStaffAndEveryDownloadIsAudited() throws Exception {
        String id = submitted(TEACHER, "dl", "progress-exhaust", Map.of("batchId", "b1")).path("requestId").asString();
        String url = downloadUrl("dl", id);
        calls.get(url, TEACHER).expectError(404, "REPORT_NOT_READY", "SUBMITTED");
        claim("dl", id);
        calls.get(url, TEACHER).expectError(404, "REPORT_NOT_READY", "PROCESSING");
        publish(id, "progress-exhaust", "b1", "\uFEFFold\r\n", Instant.now().minus(1, ChronoUnit.HOURS));
        String csv = "\uFEFFCourse Id,Batch Id,User Id,Completion %\r\nc1,b1,s1,40\r\n";
        String path = publish(id, "progress-exhaust", "b1", csv, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        calls.get(url, TEACHER).expectError(404, "REPORT_NOT_READY", "PROCESSING");
        succeed("dl", id);
        assertThat(audit("batch:b1")).isEmpty();

        JsonNode listed = calls.get("/v1/jobrequest/list/dl", TEACHER).expect(200).result().path("jobs").get(0);
        assertThat(listed.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(listed.path("downloadUrls").get(0).asString()).isEqualTo(url);

        Calls.Response file = calls.get(url, TEACHER).expect(200);
        assertThat(file.text()).isEqualTo(csv);
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"progress-exhaust-b1.csv\"");
        assertThat(file.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        List<Row> rows = audit("batch:b1");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("reader_id")).isEqualTo("teacher");
        assertThat(rows.get(0).getSet("reader_roles", String.class)).containsExactly("INSTRUCTOR");
        assertThat(rows.get(0).getString("resource")).isEqualTo(path);
        assertThat(rows.get(0).getString("action")).isEqualTo("download");
        assertThat(rows.get(0).getString("access_id")).isNotBlank();

        calls.get(url, ORG).expect(200);
        assertThat(audit("batch:b1")).hasSize(2);
        calls.get(url, LEARNER).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        calls.get(url, OTHER_ORG).expectError(404, "JOB_REQUEST_NOT_FOUND", id);
        assertThat(audit("batch:b1")).hasSize(2);
        assertThat(audit("batch:b1").stream().map(r -> r.getString("reader_id"))).containsExactlyInAnyOrder("teacher", "principal");

        Files.delete(reports.resolve(path)); // the row says published but the store lost the file
        calls.get(url, TEACHER).expectError(404, "REPORT_NOT_FOUND", id);
        assertThat(audit("batch:b1")).hasSize(2);
    }

    @Test
    void groupReportsAreDownloadedByTheGroupsAdminsAndAuditedUnderTheGroup() throws Exception {
        String id = submitted(GROUP_ADMIN_MEMBER, "gdl", "group-progress", Map.of("groupId", groupId)).path("requestId").asString();
        claim("gdl", id);
        String path = publish(id, "group-progress", groupId, "\uFEFFUser Id,c1\r\ns1,40\r\n", Instant.now());
        succeed("gdl", id);
        String url = downloadUrl("gdl", id);
        calls.get(url, TEACHER).expectError(403, "FORBIDDEN", "admins of the group");
        calls.get(url, LEARNER).expectError(403, "FORBIDDEN", "admins of the group");
        assertThat(audit("group:" + groupId)).isEmpty();
        calls.get(url, GROUP_ADMIN_MEMBER).expect(200);
        List<Row> rows = audit("group:" + groupId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("reader_id")).isEqualTo("gadmin");
        assertThat(rows.get(0).getString("resource")).isEqualTo(path);
    }

    @Test
    void aReportFileRowPointingOutsideTheStoreIsNeverServed() {
        String id = submitted(TEACHER, "escape", "course-summary", Map.of("courseId", "c1")).path("requestId").asString();
        claim("escape", id);
        session.execute("INSERT INTO " + ks + ".report_files (tenant, report_key, generated_at, path) VALUES (?, ?, ?, ?)",
                T, "request:" + id, Instant.now(), "../../etc/passwd");
        succeed("escape", id);
        calls.get(downloadUrl("escape", id), TEACHER).expectError(404, "REPORT_NOT_FOUND", id);
        assertThat(audit("course:c1")).isEmpty();
    }
}
