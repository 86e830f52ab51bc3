package dev.stride.contentstate;

import dev.stride.contentstate.content.EnrolmentKey;
import dev.stride.contentstate.content.Fact;
import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.content.SunbirdTimestamps;
import dev.stride.core.event.Json;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two API instances hammer the same (user, content); the stored state is the merge of the union of updates. */
@StrideIntegrationTest
class ConcurrencyIT {

    @Test
    void twoInstancesUpdatingTheSameContentLoseNothing(StrideStack stack) throws Exception {
        String tenant = "conc";
        String user = "learner-c";
        String course = "course-c";
        String token = TestApi.token(tenant, user, List.of("LEARNER"));
        String admin = TestApi.token(tenant, "admin", List.of("ORG_ADMIN"));
        try (TestApi a = TestApi.start(stack, Map.of()); TestApi b = a.twin(Map.of())) {
            Calls ca = new Calls(a.client);
            Calls cb = new Calls(b.client);
            ca.putTree(admin, course, List.of("shared")).expect(200);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String batchId = ca.createBatch(admin, course, today.minusDays(1), today.plusDays(9));
            cb.enrol(token, course, batchId, user).expect(200);

            Random random = new Random(7);
            List<Map<String, Object>> updates = new ArrayList<>();
            Instant base = Instant.parse("2026-04-01T00:00:00Z");
            for (int i = 0; i < 40; i++) {
                updates.add(Map.of("contentId", "shared", "courseId", course, "batchId", batchId,
                        "status", random.nextInt(3), "progress", random.nextInt(101),
                        "lastAccessTime", SunbirdTimestamps.format(base.plusSeconds(random.nextInt(3600))),
                        "progressdetails", Map.of("pos", random.nextInt(1000))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Calls.Response>> results = new ArrayList<>();
                for (int i = 0; i < updates.size(); i++) {
                    Calls target = i % 2 == 0 ? ca : cb;
                    Map<String, Object> u = updates.get(i);
                    results.add(pool.submit(() -> target.update(token, user, List.of(u))));
                }
                for (Future<Calls.Response> f : results) {
                    assertThat(f.get().expect(200).result().path("shared").asString()).isEqualTo("SUCCESS");
                }
            } finally {
                pool.shutdown();
            }

            EnrolmentKey key = new EnrolmentKey(tenant, user, course, batchId);
            ContentState expected = null;
            for (Map<String, Object> u : updates) {
                Instant at = SunbirdTimestamps.parseOrThrow((String) u.get("lastAccessTime"));
                Fact f = Fact.of(key, "shared", (Integer) u.get("status"), (Integer) u.get("progress"), at, Instant.now(),
                        Json.write(Json.MAPPER.valueToTree(u.get("progressdetails"))));
                expected = ContentStateMerge.merge(expected, f.toState());
            }
            for (Calls c : List.of(ca, cb)) {
                JsonNode s = c.read(token, user, course, batchId).expect(200).result().path("contentList").get(0);
                assertThat(s.path("status").asInt()).isEqualTo(expected.status());
                assertThat(s.path("progress").asInt()).isEqualTo(expected.progress());
                assertThat(s.path("viewCount").asInt()).isEqualTo(expected.viewCount());
                assertThat(s.path("completedCount").asInt()).isEqualTo(expected.completedCount());
                assertThat(s.path("lastAccessTime").asString()).isEqualTo(SunbirdTimestamps.format(expected.lastAccessTime()));
                assertThat(s.path("lastCompletedTime").asString(null)).isEqualTo(
                        expected.lastCompletedTime() == null ? null : SunbirdTimestamps.format(expected.lastCompletedTime()));
                assertThat(Json.write(s.path("progressdetails"))).isEqualTo(expected.progressDetails());
            }
        }
    }
}
