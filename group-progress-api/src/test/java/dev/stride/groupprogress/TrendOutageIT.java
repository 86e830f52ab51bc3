package dev.stride.groupprogress;

import dev.stride.druid.specs.DruidDatasource;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend endpoint when Druid has nothing or is down: datasources not created yet answer an empty series; a closed
 * port or a broker that never answers is a 503 in the envelope within the bound, and the dashboard still answers.
 * Also who may call it and what input it refuses.
 */
@StrideIntegrationTest
class TrendOutageIT {

    static final String T = "school-trend-o";
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR"));
    static final String TREND = "/v1/course/c1/batch/b1/trend";
    static TestApi api;
    static Calls calls;
    static ServerSocket silent;
    static TestApi closedPort;
    static TestApi silentBroker;

    /** Every instance lives as long as the class: closing one Boot context disposes Reactor's shared event loops. */
    @BeforeAll
    static void start(StrideStack stack) throws IOException {
        // Datasources no supervisor ever created: Druid answers "Object not found".
        api = TestApi.start(stack, Map.of("stride.druid.broker-url", stack.druidBrokerUrl(),
                "stride.druid.datasources.learner_progress", stack.uniqueName("t_never_lp").replace('-', '_'),
                "stride.druid.datasources.learner_activity", stack.uniqueName("t_never_la").replace('-', '_'),
                "stride.druid.datasources.enrolment_progress", stack.uniqueName("t_never_ep").replace('-', '_')));
        calls = new Calls(api.client);
        new Fixtures(stack.session(), api.keyspace).batch(T, "c1", "b1");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        closedPort = down("127.0.0.1:" + closed);
        // Listens (the kernel accepts the connection) but never reads or answers.
        silent = new ServerSocket(0);
        silentBroker = down("127.0.0.1:" + silent.getLocalPort());
    }

    /** Another instance on the same keyspace whose Druid is {@code broker}. */
    private static TestApi down(String broker) {
        return api.twin(Map.of("stride.druid.broker-url", broker, "stride.druid.timeout", "PT2S"));
    }

    @AfterAll
    static void stop() throws IOException {
        silentBroker.close();
        closedPort.close();
        silent.close();
        api.close();
    }

    @Test
    void datasourcesNotCreatedYetAnswerAnEmptySeries() {
        JsonNode result = calls.get(TREND + "?days=7", TEACHER).expect(200).result();
        assertThat(result.path("series").isArray()).isTrue();
        assertThat(result.path("series").size()).isZero();
        assertThat(result.path("timeZone").asString()).isEqualTo("UTC");
    }

    @Test
    void accessAndBadInput() {
        calls.get(TREND, null).expect(401);
        calls.get(TREND, TestApi.token(T, "u1", List.of("LEARNER"))).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        calls.get(TREND, TestApi.token(T, "g", List.of("GROUP_ADMIN"))).expectError(403, "FORBIDDEN", "INSTRUCTOR");
        calls.get(TREND, TestApi.token("another-tenant", "t", List.of("ORG_ADMIN")))
                .expectError(404, "BATCH_NOT_FOUND", "b1");
        calls.get("/v1/course/c1/batch/nope/trend", TEACHER).expectError(404, "BATCH_NOT_FOUND", "nope");
        calls.get(TREND + "?days=0", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "days");
        calls.get(TREND + "?days=367", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "days");
        calls.get(TREND + "?days=abc", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "days");
        calls.get(TREND + "?to=2026-13-01", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "to");
        calls.get(TREND + "?to=2999-01-01", TEACHER).expectError(400, "INVALID_PARAMETER_VALUE", "to");
        calls.get("/v1/course/" + "c".repeat(129) + "/batch/b1/trend", TEACHER)
                .expectError(400, "INVALID_PARAMETER_VALUE", "courseId");
    }

    @Test
    void aClosedPortIs503WhileTheDashboardWorks() {
        assertDownButDashboardWorks(closedPort);
    }

    @Test
    void aBrokerThatNeverAnswersIs503WithinTheBound() {
        assertDownButDashboardWorks(silentBroker);
    }

    private static void assertDownButDashboardWorks(TestApi down) {
        Calls c = new Calls(down.client);
        c.get("/v1/course/c1/batch/b1/dashboard", TEACHER).expect(200);
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            Calls.Response r = c.get(TREND + "?days=" + (10 + i), TEACHER).expectError(503, "DRUID_UNAVAILABLE", "Druid");
            assertThat(r.body().path("responseCode").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bound: timeout 2 s + 1 s")
                    .isLessThan(Duration.ofMillis(3_500));
        }
        c.get("/v1/course/c1/batch/b1/dashboard", TEACHER).expect(200);
    }
}
