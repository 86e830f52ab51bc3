package dev.stride.groupprogress;

import dev.stride.groupprogress.Fixtures.Enrolment;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stride.groupprogress.Calls.member;
import static org.assertj.core.api.Assertions.assertThat;

/** The instructor's batch dashboard and gradebook: one partition, cohort figures, sorted keyset pages, CSV, access. */
@StrideIntegrationTest
class DashboardIT {

    static final String T = "school-i";
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR"));
    static final String SMALL = "/v1/course/c2/batch/b-small";
    static final int BIG = 10_050;
    static TestApi api;
    static Calls calls;
    static Fixtures data;

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
        calls = new Calls(api.client);
        data = new Fixtures(stack.session(), api.keyspace);
        Instant now = Instant.now();
        data.batch(T, "c2", "b-small");
        data.structure(T, "c2", Map.of("q1", 10.0, "q2", 10.0));
        data.users(T, "gadmin", "u1", "u2");
        data.enrolments(T, List.of(
                new Enrolment("u1", "Asha", "c2", "b-small", 2, 100, now.minus(Duration.ofDays(1)), 18.0, 3600L,
                        Map.of("q1", 8.0, "q2", 10.0)),
                new Enrolment("u2", "bela", "c2", "b-small", 1, 45, now.minus(Duration.ofDays(10)), 5.0, 600L,
                        Map.of("q1", 5.0)),
                new Enrolment("u3", "Chen", "c2", "b-small", 1, 55, now.minus(Duration.ofHours(2)), null, 900L, Map.of()),
                new Enrolment("u4", "=Dan", "c2", "b-small", 0, 0, null, null, null, Map.of()),
                new Enrolment("u5", "Eve", "c2", "b-small", 2, 100, now.minus(Duration.ofDays(20)), 17.0, 7200L,
                        Map.of("q1", 10.0, "q2", 7.0, "qx", 3.0))));
        data.batch(T, "c3", "b-big");
        List<Enrolment> big = new ArrayList<>(BIG);
        for (int i = 0; i < BIG; i++) {
            big.add(new Enrolment(String.format("learner-%05d", i), "Learner " + i, "c3", "b-big", 1, i % 101, now,
                    null, 60L, Map.of()));
        }
        data.enrolments(T, big);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static List<String> ids(JsonNode page) {
        return page.path("learners").valueStream().map(l -> l.path("userId").asString()).toList();
    }

    @Test
    void cohortFiguresAndSortedRows() {
        JsonNode page = calls.get(SMALL + "/dashboard?sort=completion&order=desc", TEACHER).expect(200).result();
        JsonNode cohort = page.path("cohort");
        assertThat(cohort.path("learners").asInt()).isEqualTo(5);
        assertThat(cohort.path("completed").asInt()).isEqualTo(2);
        assertThat(cohort.path("completionRate").asDouble()).isEqualTo(40);
        assertThat(cohort.path("medianProgress").asDouble()).isEqualTo(55);
        assertThat(cohort.path("buckets").valueStream().map(JsonNode::asInt)).containsExactly(1, 0, 0, 0, 1, 1, 0, 0, 0, 2);
        assertThat(cohort.path("inactive").asInt()).as("u2 (10 days) and u4 (never); u5 completed").isEqualTo(2);
        assertThat(ids(page)).containsExactly("u1", "u5", "u3", "u2", "u4");
        JsonNode u1 = page.path("learners").get(0);
        assertThat(u1.path("name").asString()).isEqualTo("Asha");
        assertThat(u1.path("totalScore").asDouble()).isEqualTo(18);
        assertThat(u1.path("timeSpentSeconds").asLong()).isEqualTo(3600);
        assertThat(page.path("batch").path("name").asString()).isEqualTo("Batch b-small");
        assertThat(page.path("nextPagingState").isNull()).isTrue();

        assertThat(ids(calls.get(SMALL + "/dashboard?sort=name", TEACHER).expect(200).result()))
                .containsExactly("u4", "u1", "u2", "u3", "u5");
        assertThat(ids(calls.get(SMALL + "/dashboard?sort=lastAccess&order=desc", TEACHER).expect(200).result()))
                .as("never seen sorts last").containsExactly("u3", "u1", "u2", "u5", "u4");
    }

    @Test
    void pagesFollowThePagingState() {
        JsonNode first = calls.get(SMALL + "/dashboard?sort=completion&order=desc&pageSize=2", TEACHER).expect(200).result();
        assertThat(ids(first)).containsExactly("u1", "u5");
        assertThat(first.path("count").asInt()).isEqualTo(5);
        String token = first.path("nextPagingState").asString();
        JsonNode second = calls.get(SMALL + "/dashboard?sort=completion&order=desc&pageSize=2&pagingState=" + token, TEACHER)
                .expect(200).result();
        assertThat(ids(second)).containsExactly("u3", "u2");
        JsonNode third = calls.get(SMALL + "/dashboard?sort=completion&order=desc&pageSize=2&pagingState="
                + second.path("nextPagingState").asString(), TEACHER).expect(200).result();
        assertThat(ids(third)).containsExactly("u4");
        assertThat(third.path("nextPagingState").isNull()).isTrue();
        calls.get(SMALL + "/dashboard?sort=name&pagingState=" + token, TEACHER)
                .expectError(400, "INVALID_PARAMETER_VALUE", "pagingState");
    }

    @Test
    void tenThousandAndMoreLearnersPageThroughWithoutACap() {
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = calls.get("/v1/course/c3/batch/b-big/dashboard?sort=userId&pageSize=1000"
                    + (token == null ? "" : "&pagingState=" + token), TEACHER).expect(200).result();
            assertThat(page.path("count").asInt()).isEqualTo(BIG);
            seen.addAll(ids(page));
            token = page.path("nextPagingState").isNull() ? null : page.path("nextPagingState").asString();
            pages++;
        } while (token != null);
        assertThat(seen).hasSize(BIG);
        assertThat(pages).isEqualTo(11);
    }

    @Test
    void gradebookWithMaxScoresTotalsAndCsv() {
        JsonNode g = calls.get(SMALL + "/gradebook", TEACHER).expect(200).result();
        assertThat(g.path("assessments").valueStream().map(a -> a.path("contentId").asString() + "/" + a.path("maxScore").asDouble()))
                .containsExactly("q1/10.0", "q2/10.0");
        assertThat(g.path("totalMaxScore").asDouble()).isEqualTo(20);
        JsonNode u1 = g.path("learners").get(0);
        assertThat(u1.path("scores").path("q1").asDouble()).isEqualTo(8);
        assertThat(u1.path("total").asDouble()).isEqualTo(18);
        assertThat(u1.path("percentage").asDouble()).isEqualTo(90);
        JsonNode u2 = g.path("learners").get(1);
        assertThat(u2.path("scores").path("q2").isNull()).as("never attempted").isTrue();
        assertThat(g.path("learners").get(4).path("total").asDouble()).as("qx is not an assessment of the course").isEqualTo(17);

        Calls.Response csv = calls.get(SMALL + "/gradebook?format=csv", TEACHER).expect(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("gradebook-c2-b-small.csv");
        assertThat(csv.text().lines().toList()).containsExactly(
                "User Id,Name,q1 (max 10),q2 (max 10),Total,Total Max,Percentage",
                "u1,Asha,8,10,18,20,90",
                "u2,bela,5,,5,20,25",
                "u3,Chen,,,0,20,0",
                "u4,'=Dan,,,0,20,0",
                "u5,Eve,10,7,17,20,85");
    }

    @Test
    void onlyStaffAndTheirGroupAdminsSeeABatch() {
        calls.get(SMALL + "/dashboard", TestApi.token(T, "u1", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        calls.get(SMALL + "/gradebook", TestApi.token(T, "u1", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        String gadmin = TestApi.token(T, "gadmin", List.of("GROUP_ADMIN"));
        calls.get(SMALL + "/dashboard", gadmin).expectError(403, "FORBIDDEN", "groupId");
        String group = calls.createGroup(gadmin, "Study circle", List.of(member("u1", "member"), member("u2", "member")),
                List.of("c2"));
        JsonNode mine = calls.get(SMALL + "/dashboard?groupId=" + group, gadmin).expect(200).result();
        assertThat(ids(mine)).containsExactly("u1", "u2");
        assertThat(mine.path("cohort").path("learners").asInt()).isEqualTo(2);
        assertThat(calls.get(SMALL + "/gradebook?groupId=" + group, gadmin).expect(200).result().path("count").asInt())
                .isEqualTo(2);
        String other = calls.createGroup(gadmin, "Other course", List.of(member("u1", "member")), List.of("c9"));
        calls.get(SMALL + "/dashboard?groupId=" + other, gadmin).expectError(403, "FORBIDDEN", "does not follow");
        calls.get(SMALL + "/dashboard?groupId=" + group, TestApi.token(T, "u1", List.of("GROUP_ADMIN")))
                .expectError(403, "FORBIDDEN", "admins");
        calls.get(SMALL + "/dashboard", TestApi.token("school-j", "teacher", List.of("INSTRUCTOR")))
                .expectError(404, "BATCH_NOT_FOUND", "b-small");
        calls.get("/v1/course/c3/batch/b-small/dashboard", TEACHER).expectError(404, "BATCH_NOT_FOUND", "b-small");
    }

    @Test
    void badQueriesNameTheParameter() {
        calls.get(SMALL + "/dashboard?pageSize=0", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "pageSize");
        calls.get(SMALL + "/dashboard?pageSize=abc", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "pageSize");
        calls.get(SMALL + "/dashboard?pageSize=100000", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "pageSize");
        calls.get(SMALL + "/dashboard?sort=height", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "sort");
        calls.get(SMALL + "/dashboard?order=up", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "order");
        calls.get(SMALL + "/dashboard?pagingState=garbage", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "pagingState");
        calls.get("/v1/course/c!2/batch/b-small/dashboard", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "courseId");
        calls.get(SMALL + "/gradebook?format=xls", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "format");
        calls.get(SMALL + "/dashboard?groupId=g!1", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "groupId");
    }
}
