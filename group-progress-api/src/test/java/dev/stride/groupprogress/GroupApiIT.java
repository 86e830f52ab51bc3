package dev.stride.groupprogress;

import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.stride.groupprogress.Calls.member;
import static dev.stride.groupprogress.Calls.req;
import static org.assertj.core.api.Assertions.assertThat;

/** Groups: create, read, membership verdicts, tenant isolation, authorisation, bad input. */
@StrideIntegrationTest
class GroupApiIT {

    static final String T = "school-a";
    static final String ADMIN = TestApi.token(T, "teacher", List.of("GROUP_ADMIN"));
    static final String ORG = TestApi.token(T, "principal", List.of("ORG_ADMIN"));
    static TestApi api;
    static Calls calls;
    static Path reports;

    @BeforeAll
    static void start(StrideStack stack) throws IOException {
        reports = Files.createTempDirectory("gp-reports");
        api = TestApi.start(stack, Map.of("stride.reports.dir", reports));
        calls = new Calls(api.client);
        new Fixtures(stack.session(), api.keyspace).users(T, "teacher", "s1", "s2", "s3");
        new Fixtures(stack.session(), api.keyspace).users("school-b", "other");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createsAndReadsAGroupWithItsCreatorAsAdmin() {
        String id = calls.createGroup(ADMIN, "Class 7B", List.of(member("s1", "member"), member("s2", "admin")),
                List.of("course-1"));
        JsonNode r = calls.get("/v1/group/read/" + id, ADMIN).expect(200).body();
        assertThat(r.path("id").asString()).isEqualTo("api.group.read");
        assertThat(r.path("params").path("status").asString()).isEqualTo("successful");
        JsonNode g = r.path("result");
        assertThat(g.path("id").asString()).isEqualTo(id);
        assertThat(g.path("name").asString()).isEqualTo("Class 7B");
        assertThat(g.path("members").size()).isEqualTo(3);
        assertThat(g.path("members").valueStream().map(m -> m.path("userId").asString() + ":" + m.path("role").asString()
                + ":" + m.path("status").asString() + ":" + m.path("name").asString()))
                .containsExactly("s1:member:active:User s1", "s2:admin:active:User s2", "teacher:admin:active:User teacher");
        assertThat(g.path("activities").get(0).path("id").asString()).isEqualTo("course-1");
        assertThat(g.path("activities").get(0).path("type").asString()).isEqualTo("Course");
    }

    @Test
    void membersAndOrgAdminsReadOthersAreRefused() {
        String id = calls.createGroup(ADMIN, "Readers", List.of(member("s1", "member")), List.of());
        calls.get("/v1/group/read/" + id, TestApi.token(T, "s1", List.of("LEARNER"))).expect(200);
        calls.get("/v1/group/read/" + id, ORG).expect(200);
        calls.get("/v1/group/read/" + id, TestApi.token(T, "s3", List.of("LEARNER")))
                .expectError(403, "FORBIDDEN", "members");
        calls.get("/v1/group/read/" + id, TestApi.token("school-b", "teacher", List.of("ORG_ADMIN")))
                .expectError(404, "GROUP_NOT_FOUND", id);
        calls.get("/v1/group/read/no-such-group", ORG).expectError(404, "GROUP_NOT_FOUND", "no-such-group");
        calls.get("/v1/group/read/" + id, null).expectError(401, "UNAUTHORIZED", "bearer token");
        calls.get("/v1/group/read/" + id, "not-a-jwt").expectError(401, "UNAUTHORIZED", "bearer token");
        assertThat(calls.get("/v1/group/read/" + id, null).body().path("responseCode").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void membershipUpdateGivesAVerdictPerUser() {
        String id = calls.createGroup(ADMIN, "Changing", List.of(member("s1", "member")), List.of());
        JsonNode result = calls.membership(ADMIN, id, Map.of(
                        "add", List.of(member("s2", "member"), member("ghost", "member"), member("teacher", "member")),
                        "edit", List.of(member("s1", "admin"), member("s3", "admin")),
                        "remove", List.of("nobody")))
                .expect(200).result();
        assertThat(result.path("groupId").asString()).isEqualTo(id);
        assertThat(result.path("members").valueStream().map(v -> v.path("action").asString() + " "
                + v.path("userId").asString() + " " + v.path("result").asString()))
                .containsExactly("add s2 SUCCESS", "add ghost USER_NOT_FOUND", "add teacher ALREADY_MEMBER",
                        "edit s1 SUCCESS", "edit s3 NOT_A_MEMBER", "remove nobody NOT_A_MEMBER");
        JsonNode members = calls.get("/v1/group/read/" + id, ADMIN).expect(200).result().path("members");
        assertThat(members.valueStream().map(m -> m.path("userId").asString() + ":" + m.path("role").asString()))
                .containsExactly("s1:admin", "s2:member", "teacher:admin");

        calls.membership(ADMIN, id, Map.of("remove", List.of("s2"))).expect(200);
        assertThat(calls.get("/v1/group/read/" + id, ADMIN).result().path("members").size()).isEqualTo(2);
    }

    @Test
    void onlyGroupAdminsAndOrgAdminsChangeMembership() {
        String id = calls.createGroup(ADMIN, "Guarded", List.of(member("s1", "member")), List.of());
        calls.membership(TestApi.token(T, "s1", List.of("LEARNER")), id, Map.of("add", List.of(member("s2", "member"))))
                .expectError(403, "FORBIDDEN", "admins");
        calls.membership(TestApi.token(T, "s3", List.of("GROUP_ADMIN")), id, Map.of("add", List.of(member("s2", "member"))))
                .expectError(403, "FORBIDDEN", "admins");
        calls.membership(TestApi.token("school-b", "teacher", List.of("ORG_ADMIN")), id,
                Map.of("add", List.of(member("other", "member")))).expectError(404, "GROUP_NOT_FOUND", id);
        calls.membership(ORG, id, Map.of("add", List.of(member("s2", "member")))).expect(200);
        assertThat(calls.get("/v1/group/read/" + id, ORG).result().path("members").size()).isEqualTo(3);
    }

    @Test
    void nightlyReportsAreListedAndServedToGroupAdmins() throws IOException {
        String id = calls.createGroup(ADMIN, "Reported", List.of(member("s1", "member")), List.of("course-1"));
        assertThat(calls.get("/v1/groups/" + id + "/reports", ADMIN).expect(200).result().path("count").asInt()).isZero();
        Path dir = Files.createDirectories(reports.resolve(T).resolve("groups").resolve(id));
        Files.writeString(dir.resolve("group-progress-2026-03-01.csv"), "User Id,Progress\ns1,40\n");
        JsonNode listed = calls.get("/v1/groups/" + id + "/reports", ADMIN).expect(200).result();
        assertThat(listed.path("reports").get(0).path("name").asString()).isEqualTo("group-progress-2026-03-01.csv");
        String url = listed.path("reports").get(0).path("downloadUrl").asString();
        Calls.Response file = calls.get(url, ADMIN).expect(200);
        assertThat(file.text()).isEqualTo("User Id,Progress\ns1,40\n");
        assertThat(file.header("Content-Disposition")).contains("group-progress-2026-03-01.csv");
        calls.get(url, TestApi.token(T, "s1", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "admins");
        calls.get("/v1/groups/" + id + "/reports/nope.csv", ADMIN).expectError(404, "REPORT_NOT_FOUND", "nope.csv");
        calls.get("/v1/groups/" + id + "/reports/.hidden", ADMIN).expectError(400, "INVALID_PARAMETER_VALUE", "fileName");
        calls.get("/v1/groups/" + id + "/reports", TestApi.token("school-b", "x", List.of("ORG_ADMIN")))
                .expectError(404, "GROUP_NOT_FOUND", id);
    }

    @Test
    void learnersCannotCreateGroups() {
        calls.call(HttpMethod.POST, "/v1/group/create", TestApi.token(T, "s1", List.of("LEARNER")),
                req(Map.of("name", "Mine"))).expectError(403, "FORBIDDEN", "GROUP_ADMIN");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Calls.Response r = calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("description", "no name")));
        r.expectError(400, "MANDATORY_PARAMETER_MISSING", "request.name");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("name", "x",
                "members", List.of(member("bad id!", "member"))))).expectError(400, "INVALID_PARAMETER_VALUE",
                "request.members[0].userId");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("name", "x",
                "members", List.of(member("s1", "owner"))))).expectError(400, "INVALID_PARAMETER_VALUE",
                "request.members[0].role");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("name", "x",
                "activities", List.of(Map.of("id", "c1", "type", "Quiz"))))).expectError(400, "INVALID_PARAMETER_VALUE",
                "request.activities[0].type");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("name", "x",
                "members", List.of(member("ghost", "member"))))).expectError(400, "INVALID_PARAMETER_VALUE",
                "request.members[0].userId is not a user of this tenant");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, req(Map.of("name", "x",
                "members", List.of(member("other", "member"))))).expectError(400, "INVALID_PARAMETER_VALUE",
                "request.members[0].userId is not a user of this tenant");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, "{\"request\": {\"name\": ")
                .expectError(400, "MALFORMED_JSON", "not valid JSON");
        calls.call(HttpMethod.POST, "/v1/group/create", ADMIN, Map.of("id", "x"))
                .expectError(400, "MANDATORY_PARAMETER_MISSING", "request");
        calls.get("/v1/group/read/bad!id", ADMIN).expectError(400, "INVALID_PARAMETER_VALUE", "groupId");
        calls.get("/v1/group/read/bad%20id", ADMIN).expectError(400, "INVALID_REQUEST", "URL");
        calls.membership(ADMIN, "g1", Map.of()).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.members");
        calls.membership(ADMIN, "g1", Map.of("add", List.of(member("s1", "member")), "remove", List.of("s1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "more than once");
        calls.membership(ADMIN, "bad id", Map.of("remove", List.of("s1")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.groupId");
    }
}
