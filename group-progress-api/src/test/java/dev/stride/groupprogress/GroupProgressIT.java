package dev.stride.groupprogress;

import dev.stride.groupprogress.Fixtures.Enrolment;
import dev.stride.groupprogress.web.GzipDecode;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.stride.groupprogress.Calls.member;
import static dev.stride.groupprogress.Calls.req;
import static org.assertj.core.api.Assertions.assertThat;

/** Query mode: group progress and Sunbird's activity agg from the tables, cached in two layers, single flight. */
@StrideIntegrationTest
class GroupProgressIT {

    static final String T = "school-p";
    static final Instant SEEN = Instant.parse("2026-03-01T10:00:00Z");
    static final String ADMIN = TestApi.token(T, "teacher", List.of("GROUP_ADMIN"));
    static TestApi api;
    static Calls calls;
    static Fixtures data;
    static String groupId;
    static TestApi twin;

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
        calls = new Calls(api.client);
        data = new Fixtures(stack.session(), api.keyspace);
        data.users(T, "teacher", "m1", "m2", "m3");
        data.enrolments(T, List.of(
                new Enrolment("m1", "User m1", "c1", "b1", 2, 100, SEEN, 9.0, 600L, Map.of()),
                new Enrolment("m1", "User m1", "c2", "b3", 1, 50, SEEN.plusSeconds(60), null, 60L, Map.of()),
                new Enrolment("m2", "User m2", "c1", "b1", 1, 30, SEEN, null, 10L, Map.of()),
                new Enrolment("m2", "User m2", "c1", "b2", 1, 60, SEEN.plusSeconds(5), 4.0, 20L, Map.of()),
                new Enrolment("m2", "User m2", "c9", "b9", 1, 10, SEEN, null, 5L, Map.of())));
        data.activityAgg(T, "c1", "m1", "b1", 4, 100, SEEN);
        data.activityAgg(T, "c1", "m2", "b1", 1, 25, SEEN);
        data.activityAgg(T, "c1", "m2", "b2", 3, 75, SEEN.plusSeconds(5));
        groupId = calls.createGroup(ADMIN, "Class 8A", List.of(member("m1", "member"), member("m2", "member"),
                member("m3", "member")), List.of("c1", "c2"));
    }

    @AfterAll
    static void stop() {
        if (twin != null) {
            twin.close();
        }
        api.close();
    }

    @Test
    void progressShowsEveryMemberTimesEveryCourse() {
        Calls.Response r = calls.get("/v1/groups/" + groupId + "/progress", ADMIN).expect(200);
        JsonNode p = r.result();
        assertThat(r.body().path("id").asString()).isEqualTo("api.group.progress");
        assertThat(p.path("courses").valueStream().map(c -> c.path("courseId").asString() + "=" + c.path("name").asString()))
                .containsExactly("c1=Course c1", "c2=Course c2");
        assertThat(p.path("members").valueStream().map(m -> m.path("userId").asString()))
                .containsExactly("m1", "m2", "m3", "teacher");
        JsonNode m1 = p.path("members").get(0).path("courses");
        assertThat(m1.get(0).path("completionPercentage").asDouble()).isEqualTo(100);
        assertThat(m1.get(0).path("status").asInt()).isEqualTo(2);
        assertThat(m1.get(0).path("totalScore").asDouble()).isEqualTo(9);
        assertThat(Instant.parse(m1.get(0).path("lastAccessTime").asString())).isEqualTo(SEEN);
        assertThat(m1.get(1).path("completionPercentage").asDouble()).isEqualTo(50);
        JsonNode m2 = p.path("members").get(1).path("courses");
        assertThat(m2.get(0).path("batchId").asString()).as("the best of two batches").isEqualTo("b2");
        assertThat(m2.get(0).path("completionPercentage").asDouble()).isEqualTo(60);
        assertThat(m2.get(1).path("enrolled").asBoolean()).isFalse();
        assertThat(m2.size()).as("courses outside the group are left out").isEqualTo(2);
        assertThat(p.path("members").get(2).path("courses").get(0).path("enrolled").asBoolean()).isFalse();
        JsonNode c1 = p.path("summary").get(0);
        assertThat(c1.path("enrolled").asInt()).isEqualTo(2);
        assertThat(c1.path("completed").asInt()).isEqualTo(1);
        assertThat(c1.path("averageCompletion").asDouble()).isEqualTo(80);
    }

    @Test
    void activityAggSpeaksSunbird() {
        JsonNode r = calls.agg(ADMIN, groupId, "c1").expect(200).body();
        assertThat(r.path("id").asString()).isEqualTo("api.group.activity.agg");
        assertThat(r.path("responseCode").asString()).isEqualTo("OK");
        JsonNode result = r.path("result");
        assertThat(result.path("groupId").asString()).isEqualTo(groupId);
        assertThat(result.path("activity").path("id").asString()).isEqualTo("c1");
        assertThat(result.path("activity").path("type").asString()).isEqualTo("Course");
        JsonNode enrolment = result.path("activity").path("agg").get(0);
        assertThat(enrolment.path("metric").asString()).isEqualTo("enrolmentCount");
        assertThat(enrolment.path("value").asInt()).isEqualTo(2);
        assertThat(enrolment.path("lastUpdatedOn").isNumber()).isTrue();
        JsonNode m1 = result.path("members").get(0);
        assertThat(m1.path("userId").asString()).isEqualTo("m1");
        assertThat(m1.path("name").asString()).isEqualTo("User m1");
        assertThat(m1.path("role").asString()).isEqualTo("member");
        assertThat(m1.path("status").asString()).isEqualTo("active");
        assertThat(m1.path("createdBy").asString()).isEqualTo("teacher");
        assertThat(m1.path("agg").get(0).path("metric").asString()).isEqualTo("completedCount");
        assertThat(m1.path("agg").get(0).path("value").asLong()).isEqualTo(4);
        assertThat(m1.path("agg").get(0).path("lastUpdatedOn").asLong()).isEqualTo(SEEN.toEpochMilli());
        assertThat(m1.path("agg").get(1).path("metric").asString()).isEqualTo("completionPercentage");
        assertThat(m1.path("agg").get(1).path("value").asDouble()).isEqualTo(100);
        assertThat(result.path("members").get(1).path("agg").get(0).path("value").asLong())
                .as("m2: the batch with most completed").isEqualTo(3);
        assertThat(result.path("members").get(2).path("agg").get(0).path("value").asLong()).isZero();
    }

    @Test
    void onlyGroupAdminsAndOrgAdminsSeeProgress() {
        String path = "/v1/groups/" + groupId + "/progress";
        calls.get(path, TestApi.token(T, "m1", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "admins");
        calls.get(path, TestApi.token(T, "stranger", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "admins");
        calls.get(path, TestApi.token(T, "boss", List.of("ORG_ADMIN"))).expect(200);
        calls.get(path, TestApi.token("school-q", "teacher", List.of("ORG_ADMIN"))).expectError(404, "GROUP_NOT_FOUND", groupId);
        calls.get("/v1/groups/nope/progress", ADMIN).expectError(404, "GROUP_NOT_FOUND", "nope");
        calls.get("/v1/groups/bad!id/progress", ADMIN).expectError(400, "INVALID_PARAMETER_VALUE", "groupId");
        calls.agg(TestApi.token(T, "m2", List.of("LEARNER")), groupId, "c1").expectError(403, "FORBIDDEN", "admins");
        calls.agg(TestApi.token("school-q", "x", List.of("ORG_ADMIN")), groupId, "c1").expectError(404, "GROUP_NOT_FOUND", groupId);
    }

    @Test
    void aggRefusesBadInput() {
        calls.agg(ADMIN, groupId, "c7").expectError(400, "INVALID_PARAMETER_VALUE", "request.activityId");
        calls.call(HttpMethod.POST, "/v1/group/activity/agg", ADMIN,
                        req(Map.of("groupId", groupId, "activityId", "c1", "activityType", "Quiz")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.activityType");
        calls.call(HttpMethod.POST, "/v1/group/activity/agg", ADMIN, req(Map.of("activityId", "c1", "activityType", "Course")))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request.groupId");
        calls.call(HttpMethod.POST, "/v1/group/activity/agg", ADMIN,
                        req(Map.of("groupId", "a b", "activityId", "c1", "activityType", "Course")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.groupId");
    }

    @Test
    void answersComeFromNearThenRedisAndAMembershipChangeEvictsThem() {
        String id = calls.createGroup(ADMIN, "Cached", List.of(member("m1", "member")), List.of("c1"));
        String path = "/v1/groups/" + id + "/progress";
        double avoidedBefore = api.counter("stride.cache.cassandra.reads.avoided", "cache", "group-progress");
        assertThat(calls.get(path, ADMIN).expect(200).header("X-Stride-Cache")).isEqualTo("cassandra");
        Calls.Response again = calls.get(path, ADMIN).expect(200);
        assertThat(again.header("X-Stride-Cache")).isEqualTo("near");
        assertThat(Long.parseLong(again.header("X-Stride-Cache-Age"))).isLessThanOrEqualTo(60);
        assertThat(api.counter("stride.cache.cassandra.reads.avoided", "cache", "group-progress") - avoidedBefore)
                .as("group + members + 2 member partitions").isEqualTo(4);
        // Open until the class ends: closing a context stops Reactor Netty's shared event loops under the other one.
        twin = api.twin(Map.of());
        Calls.Response shared = new Calls(twin.client).get(path, ADMIN).expect(200);
        assertThat(shared.header("X-Stride-Cache")).as("another instance finds it in Redis").isEqualTo("redis");
        assertThat(shared.result()).isEqualTo(again.result());
        assertThat(shared.header("ETag")).as("the tag travels with the Redis entry").isEqualTo(again.header("ETag"));
        calls.membership(ADMIN, id, Map.of("add", List.of(member("m2", "member")))).expect(200);
        Calls.Response after = calls.get(path, ADMIN).expect(200);
        assertThat(after.header("X-Stride-Cache")).isEqualTo("cassandra");
        assertThat(after.result().path("members").size()).isEqualTo(3);
    }

    @Test
    void aHundredConcurrentMissesComputeOnce() {
        List<String> many = new ArrayList<>();
        List<Enrolment> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("crowd-" + i);
            rows.add(new Enrolment("crowd-" + i, "Crowd " + i, "c1", "b1", 1, i % 100, SEEN, null, 1L, Map.of()));
        }
        data.users(T, many.toArray(String[]::new));
        data.enrolments(T, rows);
        String id = calls.createGroup(ADMIN, "Crowd", many.stream().map(u -> member(u, "member")).toList(), List.of("c1"));
        double before = api.counter("stride.cache.computations", "cache", "group-progress");

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port + "/v1/groups/" + id + "/progress"))
                .header("Authorization", "Bearer " + ADMIN).build();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = all.stream().map(CompletableFuture::join).toList();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.body().replaceAll("\"(ts|resmsgid)\":\"[^\"]*\"", "")).distinct())
                .as("every caller got the same answer").hasSize(1);
        assertThat(api.counter("stride.cache.computations", "cache", "group-progress") - before).isEqualTo(1);
        // 300 members read 20 partitions per request: every member's own row, none lost or mixed up between requests.
        JsonNode members = tools.jackson.databind.json.JsonMapper.builder().build().readTree(responses.get(0).body())
                .path("result").path("members");
        List<JsonNode> crowd = members.valueStream().filter(m -> m.path("userId").asString().startsWith("crowd-")).toList();
        assertThat(crowd).as("the crowd, besides the creating admin").hasSize(300);
        crowd.forEach(m -> {
            int i = Integer.parseInt(m.path("userId").asString().substring("crowd-".length()));
            assertThat(m.path("courses").get(0).path("completionPercentage").asDouble()).as(m.path("userId").asString())
                    .isEqualTo(i % 100);
        });
    }

    @Test
    void gzipAndPlainAnswersCarryTheSameJsonAndAMatchingETagGets304() throws Exception {
        String id = calls.createGroup(ADMIN, "Coded", List.of(member("m1", "member"), member("m2", "member")), List.of("c1", "c2"));
        String path = "/v1/groups/" + id + "/progress";
        HttpClient http = HttpClient.newHttpClient(); // the JDK client sends no Accept-Encoding and decodes nothing itself
        HttpResponse<byte[]> plain = raw(http, path, ADMIN, Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).as("no Accept-Encoding: identity").isEmpty();
        assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("W/\"[A-Za-z0-9_-]{24}\"");

        HttpResponse<byte[]> gzip = raw(http, path, ADMIN, Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValueAsLong("Content-Length")).hasValue(gzip.body().length);
        assertThat(gzip.headers().firstValue("ETag")).as("one weak tag for both codings").hasValue(etag);
        String fromJdk = new String(GzipDecode.jdk(gzip.body()), StandardCharsets.UTF_8);
        String fromStrict = new String(GzipDecode.strict(gzip.body()), StandardCharsets.UTF_8);
        assertThat(fromStrict).isEqualTo(fromJdk);
        assertThat(withoutPerResponseFields(fromJdk)).isEqualTo(withoutPerResponseFields(new String(plain.body(), StandardCharsets.UTF_8)));
        assertThat(withoutPerResponseFields(fromJdk)).contains("\"members\":[{\"userId\":\"m1\"");
        JsonNode envelope = tools.jackson.databind.json.JsonMapper.builder().build().readTree(fromJdk);
        assertThat(envelope.path("id").asString()).isEqualTo("api.group.progress");
        assertThat(envelope.path("params").path("status").asString()).isEqualTo("successful");
        assertThat(raw(http, path, ADMIN, Map.of("Accept-Encoding", "gzip;q=0, br")).headers().firstValue("Content-Encoding"))
                .as("gzip refused").isEmpty();

        HttpResponse<byte[]> same = raw(http, path, ADMIN, Map.of("If-None-Match", etag, "Accept-Encoding", "gzip"));
        assertThat(same.statusCode()).as("nothing changed").isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);
        assertThat(raw(http, path, ADMIN, Map.of("If-None-Match", etag.substring(2))).statusCode()).as("strong form, weak comparison")
                .isEqualTo(304);
        HttpResponse<byte[]> other = raw(http, path, ADMIN, Map.of("If-None-Match", "W/\"somethingElse\""));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(withoutPerResponseFields(new String(other.body(), StandardCharsets.UTF_8)))
                .isEqualTo(withoutPerResponseFields(new String(plain.body(), StandardCharsets.UTF_8)));
        assertThat(raw(http, path, TestApi.token(T, "m1", List.of("LEARNER")), Map.of("If-None-Match", etag)).statusCode())
                .as("the access check comes before 304").isEqualTo(403);

        calls.membership(ADMIN, id, Map.of("add", List.of(member("m3", "member")))).expect(200); // evicts: new fill
        HttpResponse<byte[]> changed = raw(http, path, ADMIN, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).as("a new fill has a new tag").isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void activityAggComesGzippedToo() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"request\":{\"groupId\":\"" + groupId + "\",\"activityId\":\"c1\",\"activityType\":\"Course\"}}";
        HttpResponse<byte[]> plain = post(http, body, Map.of());
        HttpResponse<byte[]> gzip = post(http, body, Map.of("Accept-Encoding", "gzip"));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("ETag")).as("no revalidation for a POST").isEmpty();
        assertThat(withoutPerResponseFields(new String(GzipDecode.strict(gzip.body()), StandardCharsets.UTF_8)))
                .isEqualTo(withoutPerResponseFields(new String(plain.body(), StandardCharsets.UTF_8)))
                .contains("\"metric\":\"enrolmentCount\"");
    }

    private static HttpResponse<byte[]> post(HttpClient http, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port + "/v1/group/activity/agg"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> raw(HttpClient http, String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port + path)).header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String withoutPerResponseFields(String body) {
        return body.replaceAll("\"(ts|resmsgid)\":\"[^\"]*\"", "");
    }
}
