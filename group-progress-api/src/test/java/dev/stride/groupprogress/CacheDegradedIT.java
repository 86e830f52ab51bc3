package dev.stride.groupprogress;

import dev.stride.groupprogress.Fixtures.Enrolment;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.stride.groupprogress.Calls.member;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis unreachable (a closed port, the shared Redis keeps running): answers come from Cassandra, degraded, never 500. */
@StrideIntegrationTest
class CacheDegradedIT {

    static final String T = "school-d";
    static final String ADMIN = TestApi.token(T, "teacher", List.of("GROUP_ADMIN"));
    static TestApi api;
    static Calls calls;

    @BeforeAll
    static void start(StrideStack stack) throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        api = TestApi.start(stack, Map.of("stride.redis.address", "redis://127.0.0.1:" + closed));
        calls = new Calls(api.client);
        Fixtures data = new Fixtures(stack.session(), api.keyspace);
        data.users(T, "teacher", "m1");
        data.enrolments(T, List.of(new Enrolment("m1", "User m1", "c1", "b1", 1, 40, Instant.now(), null, 1L, Map.of())));
        data.activityAgg(T, "c1", "m1", "b1", 2, 40, Instant.now());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void answersFromCassandraWhileRedisIsDown() {
        String id = calls.createGroup(ADMIN, "Degraded", List.of(member("m1", "member")), List.of("c1"));
        Calls.Response first = calls.get("/v1/groups/" + id + "/progress", ADMIN).expect(200);
        assertThat(first.header("X-Stride-Cache")).isEqualTo("cassandra");
        assertThat(first.header("X-Stride-Cache-Degraded")).isEqualTo("redis-unavailable");
        assertThat(first.result().path("members").get(0).path("courses").get(0).path("completionPercentage").asDouble())
                .isEqualTo(40);
        assertThat(calls.get("/v1/groups/" + id + "/progress", ADMIN).expect(200).header("X-Stride-Cache"))
                .as("kept near meanwhile").isEqualTo("near");
        Calls.Response agg = calls.agg(ADMIN, id, "c1").expect(200);
        assertThat(agg.result().path("members").get(0).path("agg").get(0).path("value").asLong()).isEqualTo(2);
        calls.membership(ADMIN, id, Map.of("remove", List.of("m1"))).expect(200);

        assertThat(api.counter("stride.cache.degraded", "cache", "group-progress")).isGreaterThanOrEqualTo(1);
        assertThat(api.context.getBean(MeterRegistry.class).get("stride.cache.redis.up").gauge().value()).isZero();
    }
}
