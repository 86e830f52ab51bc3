package dev.stride.contentstate;

import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refused input answers 4xx with the envelope naming the field, and leaves the stored state as it was. */
@StrideIntegrationTest
class BadInputIT {

    static final String TENANT = "bad";
    static final String USER = "learner-1";
    static final String COURSE = "course-bad";
    static final String TOKEN = TestApi.token(TENANT, USER, List.of("LEARNER"));
    static TestApi api;
    static Calls calls;
    static String batchId;
    static JsonNode stored;

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
        calls = new Calls(api.client);
        String admin = TestApi.token(TENANT, "admin", List.of("ORG_ADMIN"));
        calls.putTree(admin, COURSE, List.of("a", "b")).expect(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        batchId = calls.createBatch(admin, COURSE, today.minusDays(1), today.plusDays(9));
        calls.enrol(TOKEN, COURSE, batchId, USER).expect(200);
        calls.update(TOKEN, USER, List.of(content("a", 1))).expect(200);
        stored = state();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void nothingStoredChanged() {
        assertThat(state()).isEqualTo(stored);
    }

    static JsonNode state() {
        return calls.read(TOKEN, USER, COURSE, batchId).expect(200).result();
    }

    static Map<String, Object> content(String id, Object status) {
        Map<String, Object> m = new HashMap<>(Map.of("contentId", id, "courseId", COURSE, "batchId", batchId,
                "progress", 10, "lastAccessTime", "2026-03-01 10:00:00:000+0000"));
        m.put("status", status);
        return m;
    }

    Calls.Response patch(Object body) {
        return calls.call(HttpMethod.PATCH, "/v1/content/state/update", TOKEN, body);
    }

    @Test
    void malformedJson() {
        patch("{\"request\": {\"userId\": ").expectError(400, "MALFORMED_JSON", "not valid JSON");
    }

    @Test
    void missingRequest() {
        patch(Map.of("id", "x")).expectError(400, "MANDATORY_PARAMETER_MISSING", "request");
    }

    @Test
    void missingUserId() {
        patch(Calls.req(Map.of("contents", List.of(content("b", 2))))).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.userId");
    }

    @Test
    void missingContents() {
        patch(Calls.req(Map.of("userId", USER))).expectError(400, "MANDATORY_PARAMETER_MISSING", "request.contents");
    }

    @Test
    void statusOutOfRange() {
        calls.update(TOKEN, USER, List.of(content("b", 2), content("a", 3)))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.contents[1].status");
    }

    @Test
    void statusOfTheWrongType() {
        calls.update(TOKEN, USER, List.of(content("a", "done")))
                .expectError(400, "INVALID_PARAMETER_VALUE", "request.contents[0].status");
    }

    @Test
    void progressOutOfRange() {
        Map<String, Object> c = content("a", 1);
        c.put("progress", 101);
        calls.update(TOKEN, USER, List.of(c)).expectError(400, "INVALID_PARAMETER_VALUE", "request.contents[0].progress");
    }

    @Test
    void unparseableLastAccessTime() {
        Map<String, Object> c = content("a", 2);
        c.put("lastAccessTime", "yesterday at noon");
        calls.update(TOKEN, USER, List.of(c)).expectError(400, "INVALID_PARAMETER_VALUE", "request.contents[0].lastAccessTime");
    }

    @Test
    void moreContentsThanTheLimit() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(content("b", 2));
        }
        calls.update(TOKEN, USER, many).expectError(400, "TOO_MANY_CONTENTS", "request.contents");
    }

    @Test
    void bodyOverOneMebibyte() {
        String big = "{\"request\":{\"userId\":\"" + USER + "\",\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}}";
        patch(big).expectError(413, "REQUEST_TOO_LARGE", "1 MiB");
    }

    @Test
    void anotherUsersId() {
        calls.update(TOKEN, "someone-else", List.of(content("b", 2))).expectError(403, "FORBIDDEN", "request.userId");
        calls.read(TOKEN, "someone-else", COURSE, batchId).expectError(403, "FORBIDDEN", "request.userId");
        calls.call(HttpMethod.GET, "/v1/user/courses/list/someone-else", TOKEN, null).expectError(403, "FORBIDDEN", "userId");
    }

    @Test
    void missingExpiredOrForgedToken() {
        var body = Calls.req(Map.of("userId", USER, "contents", List.of(content("b", 2))));
        calls.call(HttpMethod.PATCH, "/v1/content/state/update", null, body).expectError(401, "UNAUTHORIZED", "Authorization");
        String expired = TestApi.token(TENANT, USER, List.of("LEARNER"), TestApi.SECRET, Duration.ofMinutes(-5));
        calls.call(HttpMethod.PATCH, "/v1/content/state/update", expired, body).expectError(401, "UNAUTHORIZED", "Authorization");
        String forged = TestApi.token(TENANT, USER, List.of("LEARNER"), "another-secret-of-at-least-thirty-two-bytes", Duration.ofHours(1));
        calls.call(HttpMethod.PATCH, "/v1/content/state/update", forged, body).expectError(401, "UNAUTHORIZED", "Authorization");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Map<String, Object> c = content("a", 1); // the same fact as the stored one: accepted, nothing changes
        c.put("someFutureField", Map.of("x", 1));
        patch(Map.of("request", Map.of("userId", USER, "contents", List.of(c), "extra", true), "params", Map.of()))
                .expect(200);
    }
}
