package dev.stride.contentstate;

import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@StrideIntegrationTest
class ContentStateFlowIT {

    static final String TENANT = "t1";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static TestApi api;
    static Calls calls;
    static final String ADMIN = TestApi.token(TENANT, "admin-1", List.of("ORG_ADMIN"));
    /** The WHERE clause of an enrolment's partition in the tables keyed by (tenant, user_id, course_id, batch_id). */
    static final String ENROLMENT = " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?";

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
        calls = new Calls(api.client);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void happyPathFromTreeToCoursesListWithOneEventPerRequest() {
        String learner = "learner-happy";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-happy", List.of("c1", "c2", "c3")).expect(200);
        JsonNode tree = calls.call(HttpMethod.GET, "/v1/course/hierarchy/course-happy", token, null).expect(200).result();
        assertThat(tree.path("content").path("leafNodesCount").asInt()).isEqualTo(3);

        String batchId = calls.createBatch(ADMIN, "course-happy", TODAY.minusDays(1), TODAY.plusDays(30));
        JsonNode batch = calls.call(HttpMethod.GET, "/v1/course/batch/read/" + batchId, token, null).expect(200).result();
        assertThat(batch.path("response").path("status").asInt()).isEqualTo(1);
        calls.enrol(token, "course-happy", batchId, learner).expect(200);

        Calls.Response update = calls.update(token, learner, List.of(
                Map.of("contentId", "c1", "courseId", "course-happy", "batchId", batchId, "status", 2,
                        "lastAccessTime", "2026-01-10 10:00:00:000+0000", "progressdetails", Map.of("pos", 42)),
                Map.of("contentId", "c2", "courseId", "course-happy", "batchId", batchId, "status", 1, "progress", 30,
                        "lastAccessTime", "2026-01-10T11:00:00Z")));
        update.expect(200);
        assertThat(update.body().path("responseCode").asString()).isEqualTo("OK");
        assertThat(update.body().path("params").path("status").asString()).isEqualTo("successful");
        assertThat(update.result().path("c1").asString()).isEqualTo("SUCCESS");
        assertThat(update.result().path("c2").asString()).isEqualTo("SUCCESS");

        JsonNode list = calls.read(token, learner, "course-happy", batchId).expect(200).result().path("contentList");
        assertThat(list.size()).isEqualTo(2);
        JsonNode c1 = list.get(0);
        assertThat(c1.path("contentId").asString()).isEqualTo("c1");
        assertThat(c1.path("status").asInt()).isEqualTo(2);
        assertThat(c1.path("progress").asInt()).isEqualTo(100);
        assertThat(c1.path("viewCount").asInt()).isEqualTo(1);
        assertThat(c1.path("completedCount").asInt()).isEqualTo(1);
        assertThat(c1.path("lastAccessTime").asString()).isEqualTo("2026-01-10 10:00:00:000+0000");
        assertThat(c1.path("progressdetails").path("pos").asInt()).isEqualTo(42);
        assertThat(list.get(1).path("progress").asInt()).isEqualTo(30);

        JsonNode courses = calls.call(HttpMethod.GET, "/v1/user/courses/list/" + learner, token, null).expect(200)
                .result().path("courses");
        assertThat(courses.size()).isEqualTo(1);
        JsonNode course = courses.get(0);
        assertThat(course.path("courseName").asString()).isEqualTo("Course course-happy");
        assertThat(course.path("batchName").asString()).isEqualTo("Batch of course-happy");
        assertThat(course.path("leafNodesCount").asInt()).isEqualTo(3);
        assertThat(course.path("lastReadContentId").asString()).isEqualTo("c2"); // the later lastAccessTime
        assertThat(course.path("lastReadContentStatus").asInt()).isEqualTo(1);

        List<ConsumerRecord<String, String>> events = forKey(EventKeys.enrolmentKey(TENANT, learner, "course-happy", batchId), 1);
        assertThat(events).hasSize(1);
        ContentStateEvent event = Json.read(events.get(0).value(), ContentStateEvent.class);
        assertThat(event.contentStatus()).isEqualTo(Map.of("c1", 2, "c2", 1));
        assertThat(event.contents()).filteredOn(c -> c.contentId().equals("c1")).singleElement()
                .satisfies(c -> assertThat(c.viewCount()).isEqualTo(1));

        List<ConsumerRecord<String, String>> trees = api.consume(api.courseTopic, 1, Duration.ofSeconds(10));
        assertThat(trees).extracting(ConsumerRecord::key).contains(EventKeys.courseKey(TENANT, "course-happy"));
        assertThat(Json.read(trees.get(0).value(), CourseStructureEvent.class).tree().leafIds()).isNotEmpty();

        calls.call(HttpMethod.GET, "/actuator/health", null, null).expect(200);
        api.client.get().uri("/v3/api-docs").header("Authorization", "Bearer " + ADMIN).exchange().expectStatus().isOk()
                .expectBody(String.class).value(doc -> assertThat(doc).contains("\"openapi\"", "/v1/content/state/update",
                        "/v1/user/courses/list/{userId}", "/v1/course/hierarchy/{courseId}"));
        api.client.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        api.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        api.client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + ADMIN).exchange().expectStatus().isForbidden();
        api.client.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + TestApi.token(TENANT, "ops-1", List.of("OPS")))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(text -> assertThat(text).contains("stride_kafka_published_total").contains("http_server_requests"));
    }

    @Test
    void duplicateDeliveryChangesNothingAndRepublishesTheSameEventId() {
        String learner = "learner-dup";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-dup", List.of("d1")).expect(200);
        String batchId = calls.createBatch(ADMIN, "course-dup", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-dup", batchId, learner).expect(200);
        List<Map<String, Object>> contents = List.of(Map.of("contentId", "d1", "courseId", "course-dup",
                "batchId", batchId, "status", 1, "progress", 50, "lastAccessTime", "2026-02-01 08:00:00:000+0000"));
        calls.update(token, learner, contents).expect(200);
        JsonNode before = calls.read(token, learner, "course-dup", batchId).expect(200).result();
        calls.update(token, learner, contents).expect(200);
        JsonNode after = calls.read(token, learner, "course-dup", batchId).expect(200).result();

        assertThat(after).isEqualTo(before);
        assertThat(after.path("contentList").get(0).path("viewCount").asInt()).isEqualTo(1);
        List<ConsumerRecord<String, String>> events = forKey(EventKeys.enrolmentKey(TENANT, learner, "course-dup", batchId), 2);
        Set<String> ids = events.stream().map(r -> Json.read(r.value(), ContentStateEvent.class).eventId())
                .collect(Collectors.toSet());
        assertThat(ids).as("a redelivery republishes the same eventId, which consumers drop").hasSize(1);
    }

    @Test
    void eachContentGetsItsOwnVerdictAndValidOnesStillSucceed() {
        String learner = "learner-verdicts";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-v", List.of("v1", "v2")).expect(200);
        String ongoing = calls.createBatch(ADMIN, "course-v", TODAY.minusDays(1), TODAY.plusDays(30));
        String upcoming = calls.createBatch(ADMIN, "course-v", TODAY.plusDays(5), TODAY.plusDays(30));
        String notEnrolled = calls.createBatch(ADMIN, "course-v", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-v", ongoing, learner).expect(200);
        calls.enrol(token, "course-v", upcoming, learner).expect(200);

        Calls.Response r = calls.update(token, learner, List.of(
                Map.of("contentId", "v1", "courseId", "course-v", "batchId", ongoing, "status", 2),
                Map.of("contentId", "not-in-tree", "courseId", "course-v", "batchId", ongoing, "status", 1),
                Map.of("contentId", "v2", "courseId", "course-v", "batchId", upcoming, "status", 1),
                Map.of("contentId", "x1", "courseId", "course-v", "batchId", "no-such-batch", "status", 1),
                Map.of("contentId", "x2", "courseId", "course-v", "batchId", notEnrolled, "status", 1))).expect(200);
        assertThat(r.result().path("v1").asString()).isEqualTo("SUCCESS");
        assertThat(r.result().path("not-in-tree").asString()).isEqualTo("CONTENT_NOT_IN_COURSE");
        assertThat(r.result().path("v2").asString()).isEqualTo("NOT_A_ON_GOING_BATCH");
        assertThat(r.result().path("x1").asString()).isEqualTo("BATCH_NOT_EXISTS");
        assertThat(r.result().path("x2").asString()).isEqualTo("NOT_ENROLLED");
        JsonNode list = calls.read(token, learner, "course-v", ongoing).expect(200).result().path("contentList");
        assertThat(list.size()).isEqualTo(1);
        assertThat(calls.read(token, learner, "course-v", upcoming).result().path("contentList").size()).isZero();
    }

    @Test
    void anUnenrolledLearnersUpdateIsRefusedAndAcceptedAgainAfterReEnrolling() {
        String learner = "learner-unenrolled";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-u", List.of("u1", "u2")).expect(200);
        String batch = calls.createBatch(ADMIN, "course-u", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-u", batch, learner).expect(200);
        calls.call(HttpMethod.POST, "/v1/course/unenrol", token,
                Calls.req(Map.of("courseId", "course-u", "batchId", batch, "userId", learner))).expect(200);

        Calls.Response refused = calls.update(token, learner, List.of(
                Map.of("contentId", "u1", "courseId", "course-u", "batchId", batch, "status", 2))).expect(200);
        assertThat(refused.result().path("u1").asString()).isEqualTo("NOT_ENROLLED");
        assertThat(calls.read(token, learner, "course-u", batch).result().path("contentList").size()).isZero();

        calls.enrol(token, "course-u", batch, learner).expect(200);
        Calls.Response accepted = calls.update(token, learner, List.of(
                Map.of("contentId", "u2", "courseId", "course-u", "batchId", batch, "status", 1))).expect(200);
        assertThat(accepted.result().path("u2").asString()).isEqualTo("SUCCESS");
        assertThat(calls.read(token, learner, "course-u", batch).result().path("contentList").size()).isEqualTo(1);
    }

    @Test
    void assessmentsAreStoredAndReadWithScores() {
        String learner = "learner-quiz";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-q", List.of("q1")).expect(200);
        String batchId = calls.createBatch(ADMIN, "course-q", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-q", batchId, learner).expect(200);
        Map<String, Object> event = Map.of("eid", "ASSESS", "ets", 1767000000000L, "edata", Map.of(
                "item", Map.of("id", "item-1", "maxscore", 2, "title", "Q1", "type", "mcq"), "score", 1, "duration", 3));
        calls.call(HttpMethod.PATCH, "/v1/content/state/update", token, Calls.req(Map.of("userId", learner,
                "contents", List.of(Map.of("contentId", "q1", "courseId", "course-q", "batchId", batchId, "status", 2)),
                "assessments", List.of(Map.of("contentId", "q1", "courseId", "course-q", "batchId", batchId,
                        "attemptId", "att-1", "assessmentTs", "1767000000000", "events", List.of(event)))))).expect(200);
        JsonNode score = calls.read(token, learner, "course-q", batchId).result().path("contentList").get(0).path("score");
        assertThat(score.size()).isEqualTo(1);
        assertThat(score.get(0).path("attemptId").asString()).isEqualTo("att-1");
        assertThat(score.get(0).path("totalScore").asDouble()).isEqualTo(1.0);
        assertThat(score.get(0).path("totalMaxScore").asDouble()).isEqualTo(2.0);
    }

    @Test
    void enrolmentIsRefusedForMissingEndedOrOtherTenantsBatches() {
        String learner = "learner-enrol";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-e", List.of("e1")).expect(200);
        String ended = calls.createBatch(ADMIN, "course-e", TODAY.minusDays(30), TODAY.minusDays(2));
        calls.enrol(token, "course-e", "no-such-batch", learner).expectError(404, "BATCH_NOT_EXISTS", "no-such-batch");
        calls.enrol(token, "course-e", ended, learner).expectError(400, "ENROLMENT_ENDED", "request.batchId");

        String open = calls.createBatch(ADMIN, "course-e", TODAY.minusDays(1), TODAY.plusDays(10));
        String other = TestApi.token("t2", learner, List.of("LEARNER"));
        Calls.Response foreign = calls.enrol(other, "course-e", open, learner);
        Calls.Response missing = calls.enrol(other, "course-e", "no-such-batch", learner);
        foreign.expectError(404, "BATCH_NOT_EXISTS", open);
        assertThat(foreign.errmsg().replace(open, "X")).isEqualTo(missing.errmsg().replace("no-such-batch", "X"));
        calls.call(HttpMethod.GET, "/v1/course/batch/read/" + open, other, null).expectError(404, "BATCH_NOT_EXISTS", open);

        calls.enrol(token, "course-e", open, learner).expect(200);
        calls.call(HttpMethod.POST, "/v1/course/unenrol", token,
                Calls.req(Map.of("courseId", "course-e", "batchId", open, "userId", learner))).expect(200);
        JsonNode courses = calls.call(HttpMethod.GET, "/v1/user/courses/list/" + learner, token, null).result().path("courses");
        assertThat(courses.get(0).path("active").asBoolean()).isFalse();
    }

    @Test
    void learnersCannotManageCoursesOrBatches() {
        String token = TestApi.token(TENANT, "learner-x", List.of("LEARNER"));
        calls.putTree(token, "course-forbidden", List.of("f1")).expectError(403, "FORBIDDEN", "ORG_ADMIN");
        calls.call(HttpMethod.POST, "/v1/course/batch/create", token, Calls.req(Map.of("courseId", "c", "name", "n",
                "startDate", "2026-01-01"))).expectError(403, "FORBIDDEN", "ORG_ADMIN");
    }

    @Test
    void profileChangesAreCopiedIntoTheBatchPartition(StrideStack stack) {
        String learner = "learner-profile";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-p", List.of("p1")).expect(200);
        String batchId = calls.createBatch(ADMIN, "course-p", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-p", batchId, learner).expect(200);
        assertThat(batchRow(stack, batchId, learner).getString("user_name")).isEqualTo("Name of " + learner);

        calls.call(HttpMethod.PUT, "/v1/user/" + learner, ADMIN, Calls.req(Map.of("name", "Asha", "district", "North")))
                .expect(200);
        assertThat(batchRow(stack, batchId, learner).getString("district")).isEqualTo("North");

        String csv = "userId,name,email,schoolName\n" + learner + ",Asha K,asha@example.org,Hill School\n";
        api.client.post().uri("/v1/user/import").header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/csv").bodyValue(csv).exchange().expectStatus().isOk();
        var row = batchRow(stack, batchId, learner);
        assertThat(row.getString("user_name")).isEqualTo("Asha K");
        assertThat(row.getString("school_name")).isEqualTo("Hill School");

        String bad = "userId,name\nok-user,A\nbad user!,B\n";
        api.client.post().uri("/v1/user/import").header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/csv").bodyValue(bad).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.params.errmsg").value(m -> assertThat((String) m).contains("csv line 2 userId"));
        assertThat(stack.session().execute("SELECT * FROM " + api.keyspace + ".users WHERE tenant = ? AND user_id = ?",
                TENANT, "ok-user").one()).as("a bad file stores nothing").isNull();
        api.client.post().uri("/v1/user/import").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").bodyValue(csv).exchange().expectStatus().isForbidden();
    }

    @Test
    void oneRequestWritesFactsHistoryAttemptsAndBothLastReadRowsAndALaterAccessKeepsTheLastRead(StrideStack stack) {
        String learner = "learner-rows";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-w", List.of("w1", "w2", "w3")).expect(200);
        String batchId = calls.createBatch(ADMIN, "course-w", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-w", batchId, learner).expect(200);
        Map<String, Object> quiz = Map.of("eid", "ASSESS", "ets", 1767000000000L, "edata", Map.of(
                "item", Map.of("id", "item-1", "maxscore", 1, "title", "Q1", "type", "mcq"), "score", 1, "duration", 3));
        calls.call(HttpMethod.PATCH, "/v1/content/state/update", token, Calls.req(Map.of("userId", learner,
                "contents", List.of(
                        Map.of("contentId", "w1", "courseId", "course-w", "batchId", batchId, "status", 1,
                                "progress", 10, "lastAccessTime", "2026-01-10T09:00:00Z"),
                        Map.of("contentId", "w2", "courseId", "course-w", "batchId", batchId, "status", 2,
                                "lastAccessTime", "2026-01-10T12:00:00Z")),
                "assessments", List.of(Map.of("contentId", "w2", "courseId", "course-w", "batchId", batchId,
                        "attemptId", "att-w", "assessmentTs", "1767000000000", "events", List.of(quiz)))))).expect(200);
        // a later request carrying an earlier access: the last-read cells keep the later access (cell timestamps);
        // sent twice, as a client retry would: the redelivery rewrites its history row instead of adding one
        for (int delivery = 0; delivery < 2; delivery++) {
            calls.update(token, learner, List.of(Map.of("contentId", "w3", "courseId", "course-w", "batchId", batchId,
                    "status", 1, "progress", 5, "lastAccessTime", "2026-01-10T10:00:00Z"))).expect(200);
        }

        Object[] key = {TENANT, learner, "course-w", batchId};
        var session = stack.session();
        assertThat(session.execute("SELECT content_id FROM " + api.keyspace + ".user_content_consumption" + ENROLMENT, key)
                .all()).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("w1", "w2", "w3");
        // one history row per event, at the event's time: the two-content request's row lists both as received
        var history = session.execute("SELECT event_time, content_id, status, progress, payload FROM " + api.keyspace
                + ".progress_history" + ENROLMENT, key).all();
        assertThat(history).extracting(r -> r.getInstant(0)).containsExactlyInAnyOrder(
                java.time.Instant.parse("2026-01-10T12:00:00Z"), java.time.Instant.parse("2026-01-10T10:00:00Z"));
        var both = history.stream().filter(r -> r.getInstant(0).toString().equals("2026-01-10T12:00:00Z")).findFirst().orElseThrow();
        assertThat(both.isNull(1)).as("content_id of a two-content event").isTrue();
        assertThat(both.getString(4)).contains("\"contentId\":\"w1\"", "\"progress\":10", "\"lastAccessTime\":\"2026-01-10T09:00:00Z\"",
                "\"contentId\":\"w2\"", "\"status\":2", "\"lastAccessTime\":\"2026-01-10T12:00:00Z\"");
        var single = history.stream().filter(r -> r.getInstant(0).toString().equals("2026-01-10T10:00:00Z")).findFirst().orElseThrow();
        assertThat(List.of(single.getString(1), single.getInt(2), single.getInt(3))).containsExactly("w3", 1, 5);
        assertThat(single.getString(4)).contains("\"contentId\":\"w3\"");
        assertThat(session.execute("SELECT attempt_id FROM " + api.keyspace + ".assessment_attempts" + ENROLMENT, key)
                .all()).extracting(r -> r.getString(0)).containsExactly("att-w");
        var byUser = session.execute("SELECT last_read_content_id, last_read_content_status FROM " + api.keyspace
                + ".user_enrolments" + ENROLMENT, key).one();
        var byBatch = session.execute("SELECT last_read_content_id, last_read_content_status FROM " + api.keyspace
                + ".enrolments_by_batch WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?",
                TENANT, "course-w", batchId, learner).one();
        for (var row : List.of(byUser, byBatch)) {
            assertThat(row.getString(0)).isEqualTo("w2");
            assertThat(row.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void absentFieldsAreStoredAsNoCellsSoReadingAnEnrolmentPassesNoTombstones(StrideStack stack) {
        String learner = "learner-absent";
        String token = TestApi.token(TENANT, learner, List.of("LEARNER"));
        calls.putTree(ADMIN, "course-n", List.of("n1", "n2")).expect(200);
        String batchId = calls.createBatch(ADMIN, "course-n", TODAY.minusDays(1), TODAY.plusDays(30));
        calls.enrol(token, "course-n", batchId, learner).expect(200);
        // no progressdetails, n1 unfinished (no completion time), n2 without progress; two contents: the history
        // row has no single content_id, status or progress
        calls.update(token, learner, List.of(
                Map.of("contentId", "n1", "courseId", "course-n", "batchId", batchId, "status", 1, "progress", 40),
                Map.of("contentId", "n2", "courseId", "course-n", "batchId", batchId, "status", 2))).expect(200);

        Object[] key = {TENANT, learner, "course-n", batchId};
        // a bound null would be a tombstone cell that every later read of the enrolment counts (100,000 fail a read)
        assertThat(tracedRead(stack, "SELECT * FROM " + api.keyspace + ".user_content_consumption" + ENROLMENT, key))
                .isEqualTo("2 live rows and 0 tombstone cells");
        assertThat(tracedRead(stack, "SELECT * FROM " + api.keyspace + ".progress_history" + ENROLMENT, key))
                .isEqualTo("1 live rows and 0 tombstone cells");
        // what was sent is still stored, and what was not still reads as null
        var facts = stack.session().execute("SELECT progress, last_completed_time, progress_details FROM "
                + api.keyspace + ".user_content_consumption" + ENROLMENT, key).all();
        assertThat(List.of(facts.get(0).getObject(0), facts.get(0).isNull(1), facts.get(0).isNull(2)))
                .as("n1").containsExactly(40, true, true);
        assertThat(List.of(facts.get(1).isNull(0), facts.get(1).isNull(1), facts.get(1).isNull(2)))
                .as("n2").containsExactly(true, false, true);
    }

    /** What Cassandra's trace says the read passed, e.g. "2 live rows and 0 tombstone cells". */
    private static String tracedRead(StrideStack stack, String cql, Object... values) {
        var session = stack.session();
        java.util.UUID trace = session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement
                .newInstance(cql, values).setTracing(true)).getExecutionInfo().getTracingId();
        // Cassandra writes trace events asynchronously: poll them rather than trust the first look
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (var event : session.execute("SELECT activity FROM system_traces.events WHERE session_id = ?", trace)) {
                String activity = event.getString(0);
                if (activity != null && activity.startsWith("Read ") && activity.contains("tombstone cells")) {
                    return activity.substring("Read ".length());
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("no read event in trace " + trace + " within 10 s");
    }

    @Test
    void publishedOutboxRowsAreDeletedTogetherOneBatchPerPartition(StrideStack stack) {
        var outbox = api.context.getBean(dev.stride.contentstate.content.OutboxRepository.class);
        var deletes = api.context.getBean(dev.stride.contentstate.content.OutboxDeletes.class);
        java.time.Instant now = java.time.Instant.now();
        List<dev.stride.contentstate.content.OutboxRepository.Row> rows = new java.util.ArrayList<>();
        for (String tenant : List.of("outbox-a", "outbox-b")) {
            for (int i = 0; i < 15; i++) {
                var pending = new dev.stride.contentstate.content.PendingEvent(tenant, "u" + i, "course", "batch",
                        "request-" + i, List.of("c"), List.of(), now, now);
                rows.add(dev.stride.contentstate.content.OutboxRepository.row(pending, api.contentTopic, "k"));
            }
        }
        outbox.insertAll(rows.subList(0, 15)).block();
        outbox.insertAll(rows.subList(15, 30)).block();
        assertThat(outboxRows(stack, "outbox-a") + outboxRows(stack, "outbox-b")).isEqualTo(30);

        long before = deletes.batchesSent();
        rows.forEach(deletes::deleteLater);
        long deadline = System.currentTimeMillis() + 5_000;
        while (outboxRows(stack, "outbox-a") + outboxRows(stack, "outbox-b") > 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(outboxRows(stack, "outbox-a") + outboxRows(stack, "outbox-b")).as("deleted within the window").isZero();
        assertThat(deletes.pending()).isZero();
        // 30 deletes in two partitions: one batch each (two if the window closed while they were being queued)
        assertThat(deletes.batchesSent() - before).isBetween(2L, 4L);

        outbox.insertAll(rows.subList(0, 15)).block();
        assertThat(outbox.deleteAll(rows.subList(0, 15), 4).block()).as("chunks of at most 4").isEqualTo(4L);
        assertThat(outboxRows(stack, "outbox-a")).isZero();
    }

    private static long outboxRows(StrideStack stack, String tenant) {
        long bucket = java.time.Instant.now().getEpochSecond() / 60;
        long rows = 0;
        for (long b = bucket - 1; b <= bucket; b++) {
            rows += stack.session().execute("SELECT count(*) FROM " + api.keyspace + ".content_state_outbox"
                    + " WHERE tenant = ? AND bucket = ?", tenant, b).one().getLong(0);
        }
        return rows;
    }

    private static com.datastax.oss.driver.api.core.cql.Row batchRow(StrideStack stack, String batchId, String user) {
        return stack.session().execute("SELECT * FROM " + api.keyspace + ".enrolments_by_batch WHERE tenant = ?"
                + " AND course_id = ? AND batch_id = ? AND user_id = ?", TENANT, "course-p", batchId, user).one();
    }

    private static List<ConsumerRecord<String, String>> forKey(String key, int atLeast) {
        // The topic is shared by the tests of this class: wait for this key's records only.
        long deadline = System.currentTimeMillis() + 15_000;
        List<ConsumerRecord<String, String>> mine = List.of();
        while (System.currentTimeMillis() < deadline && mine.size() < atLeast) {
            mine = api.consume(api.contentTopic, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> key.equals(r.key())).toList();
        }
        return mine;
    }
}
