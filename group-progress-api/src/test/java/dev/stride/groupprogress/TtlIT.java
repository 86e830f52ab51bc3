package dev.stride.groupprogress;

import dev.stride.groupprogress.Fixtures.Enrolment;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpMethod;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.stride.groupprogress.Calls.member;
import static org.assertj.core.api.Assertions.assertThat;

/** The ops TTL knob: OPS only, absurd values refused, persisted, seen by every instance, and it bounds staleness. */
@StrideIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TtlIT {

    static final String OPS = TestApi.token("ops", "operator", List.of("OPS"));
    static TestApi api;
    static TestApi twin;
    static Calls calls;
    static Fixtures data;

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
        calls = new Calls(api.client);
        data = new Fixtures(stack.session(), api.keyspace);
    }

    @AfterAll
    static void stop() {
        if (twin != null) {
            twin.close();
        }
        api.close();
    }

    static Calls.Response put(Calls c, String token, Object body) {
        return c.call(HttpMethod.PUT, "/admin/cache/ttl", token, body);
    }

    @Test
    @Order(1)
    void defaultsAndOpsOnly() {
        Calls.Response r = calls.get("/admin/cache/ttl", OPS).expect(200);
        assertThat(r.result().path("ttl").asString()).isEqualTo("PT1M");
        assertThat(r.result().path("source").asString()).isEqualTo("default");
        calls.get("/admin/cache/ttl", TestApi.token("ops", "x", List.of("ORG_ADMIN"))).expectError(403, "FORBIDDEN", "OPS");
        put(calls, TestApi.token("ops", "x", List.of("INSTRUCTOR")), Map.of("ttl", "PT5S")).expectError(403, "FORBIDDEN", "OPS");
        calls.get("/admin/cache/ttl", null).expectError(401, "UNAUTHORIZED", "token");
    }

    @Test
    @Order(2)
    void setPersistsAndEveryInstanceFollows() throws InterruptedException {
        Calls.Response r = put(calls, OPS, Map.of("ttl", "PT30S")).expect(200);
        assertThat(r.result().path("ttl").asString()).isEqualTo("PT30S");
        assertThat(r.result().path("updatedBy").asString()).isEqualTo("operator");
        twin = api.twin(Map.of());
        Calls other = new Calls(twin.client);
        assertThat(other.get("/admin/cache/ttl", OPS).result().path("ttl").asString())
                .as("a new instance starts with the persisted value").isEqualTo("PT30S");
        put(calls, OPS, Map.of("request", Map.of("ttl", "PT45S"))).expect(200);
        Instant deadline = Instant.now().plusSeconds(5);
        while (!other.get("/admin/cache/ttl", OPS).result().path("ttl").asString().equals("PT45S")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(other.get("/admin/cache/ttl", OPS).result().path("ttl").asString())
                .as("the other instance polls it within seconds").isEqualTo("PT45S");
    }

    @Test
    @Order(3)
    void absurdValuesAreRefusedAndChangeNothing() {
        for (String bad : List.of("PT0S", "-PT5S", "P2D", "PT24H1S", "sixty", "PT0.5S", "60")) {
            put(calls, OPS, Map.of("ttl", bad)).expectError(400, "INVALID_PARAMETER_VALUE", "ttl");
        }
        put(calls, OPS, Map.of()).expectError(400, "MANDATORY_PARAMETER_MISSING", "ttl");
        put(calls, OPS, "{\"ttl\": ").expectError(400, "MALFORMED_JSON", "JSON");
        assertThat(calls.get("/admin/cache/ttl", OPS).result().path("ttl").asString()).isEqualTo("PT45S");
        put(calls, OPS, Map.of("ttl", "PT24H")).expect(200);
    }

    @Test
    @Order(4)
    void noAnswerIsOlderThanTheTtl() throws InterruptedException {
        put(calls, OPS, Map.of("ttl", "PT2S")).expect(200);
        String tenant = "school-t";
        String admin = TestApi.token(tenant, "teacher", List.of("GROUP_ADMIN"));
        data.users(tenant, "teacher", "m1");
        data.enrolments(tenant, List.of(new Enrolment("m1", "User m1", "c1", "b1", 1, 10, Instant.now(), null, 1L, Map.of())));
        String id = calls.createGroup(admin, "Fresh", List.of(member("m1", "member")), List.of("c1"));
        String path = "/v1/groups/" + id + "/progress";
        assertThat(completion(calls.get(path, admin))).isEqualTo(10);
        data.enrolments(tenant, List.of(new Enrolment("m1", "User m1", "c1", "b1", 1, 70, Instant.now(), null, 1L, Map.of())));
        Thread.sleep(2300);
        Calls.Response later = calls.get(path, admin).expect(200);
        assertThat(completion(later)).as("served from %s", later.header("X-Stride-Cache")).isEqualTo(70);
    }

    private static double completion(Calls.Response r) {
        return r.expect(200).result().path("members").get(0).path("courses").get(0).path("completionPercentage").asDouble();
    }
}
