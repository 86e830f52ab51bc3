package dev.stride.contentstate;

import dev.stride.contentstate.content.OutboxRelay;
import dev.stride.contentstate.content.OutboxRepository;
import dev.stride.contentstate.content.PendingEvent;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish failure path without touching the shared broker: one instance whose Kafka address is dead answers
 * 503 within the bound and keeps the outbox row; a healthy instance's relay republishes it and deletes the row.
 */
@StrideIntegrationTest
class OutboxRelayIT {

    @Test
    void aFailedPublishIsA503AndTheRelayDeliversTheEventLater(StrideStack stack) {
        String tenant = "relay";
        String user = "learner-r";
        String token = TestApi.token(tenant, user, List.of("LEARNER"));
        String admin = TestApi.token(tenant, "admin", List.of("ORG_ADMIN"));
        TestApi closeLater = null;
        try (TestApi healthy = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            Calls ok = new Calls(healthy.client);
            ok.putTree(admin, "course-r", List.of("r1")).expect(200);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String batchId = ok.createBatch(admin, "course-r", today.minusDays(1), today.plusDays(9));
            ok.enrol(token, "course-r", batchId, user).expect(200);

            // Kept open until the end: contexts of one JVM share Reactor Netty's global loops, closed with a context.
            TestApi broken = healthy.twin(Map.of("stride.kafka.bootstrap-servers", "localhost:1",
                    "stride.kafka.publish-timeout", "2s", "stride.outbox.relay-enabled", false));
            closeLater = broken;
            long start = System.nanoTime();
            new Calls(broken.client).update(token, user, List.of(Map.of("contentId", "r1", "courseId", "course-r",
                    "batchId", batchId, "status", 2))).expectError(503, "SERVICE_UNAVAILABLE", "retry");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(outboxRows(stack, healthy)).isEqualTo(1);
            assertThat(ok.read(token, user, "course-r", batchId).result().path("contentList").get(0)
                    .path("status").asInt()).as("the facts were stored before the publish").isEqualTo(2);

            var relay = healthy.context.getBean(dev.stride.contentstate.content.OutboxRelay.class);
            assertThat(relay.relayOlderThan(java.time.Instant.now().plusSeconds(1)).block()).isEqualTo(1L);
            assertThat(outboxRows(stack, healthy)).isZero();

            List<ConsumerRecord<String, String>> events = healthy.consume(healthy.contentTopic, 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).key()).isEqualTo(EventKeys.enrolmentKey(tenant, user, "course-r", batchId));
            ContentStateEvent event = Json.read(events.get(0).value(), ContentStateEvent.class);
            assertThat(event.contentStatus()).isEqualTo(Map.of("r1", 2));
        } finally {
            if (closeLater != null) {
                closeLater.close();
            }
        }
    }

    @Test
    void theRelayReadsForwardFromEachTenantsCheckpointAndMovesIt(StrideStack stack) {
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            var outbox = api.context.getBean(OutboxRepository.class);
            var relay = api.context.getBean(OutboxRelay.class);
            Instant now = Instant.now();
            // a crashed instance's unpublished row, ten minutes old; the tenant is registered by its insert
            OutboxRepository.Row stranded = row(api, "checkpoint", "u-stranded", now.minus(Duration.ofMinutes(10)));
            OutboxRepository.Row beforeCheckpoint = row(api, "checkpoint", "u-before", now.minus(Duration.ofMinutes(30)));
            stored(api, stranded.pending());
            stored(api, beforeCheckpoint.pending());
            outbox.insertAll(List.of(stranded)).block();
            outbox.insertAll(List.of(beforeCheckpoint)).block();
            outbox.advance("checkpoint", now.minus(Duration.ofMinutes(15))).block();

            assertThat(relay.relayOlderThan(now).block()).as("only rows after the checkpoint are read").isEqualTo(1L);
            assertThat(checkpoint(stack, api, "checkpoint")).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(outboxRows(stack, api)).as("the relayed row is deleted, the one before the checkpoint is not read")
                    .isEqualTo(1);
            assertThat(relay.relayOlderThan(now.plusSeconds(1)).block()).as("nothing left after the checkpoint").isZero();

            List<ConsumerRecord<String, String>> events = api.consume(api.contentTopic, 1, Duration.ofSeconds(15));
            assertThat(events).extracting(ConsumerRecord::key).containsExactly("k-u-stranded");
        }
    }

    @Test
    void aSweepGetsPastMoreDeleteTombstonesThanOneCassandraReadMayPass(StrideStack stack) {
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            var outbox = api.context.getBean(OutboxRepository.class);
            var relay = api.context.getBean(OutboxRelay.class);
            // a past minute partition: 110,000 rows published and deleted (Cassandra aborts a read at 100,000
            // tombstones), then one row a crash left unpublished
            Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
            OutboxRepository.Row stranded = row(api, "tombstones", "u-stranded", minute.plusSeconds(56));
            stored(api, stranded.pending());
            outbox.insertAll(List.of(stranded)).block();
            outbox.advance("tombstones", minute).block();
            List<OutboxRepository.Row> published = java.util.stream.IntStream.range(0, 110_000)
                    .mapToObj(i -> row(api, "tombstones", "u-" + i, minute.plusNanos(500_000L * i))).toList();
            outbox.deleteAll(published, 200).block();

            assertThat(relay.relayOlderThan(minute.plusSeconds(60)).block()).as("the stranded row, past the tombstones")
                    .isEqualTo(1L);
            assertThat(checkpoint(stack, api, "tombstones")).isEqualTo(minute.plusSeconds(60));
            assertThat(api.consume(api.contentTopic, 1, Duration.ofSeconds(15))).extracting(ConsumerRecord::key)
                    .containsExactly("k-u-stranded");
        }
    }

    @Test
    void aTenantFarBehindIsCaughtUpABoundedStretchPerSweep(StrideStack stack) {
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false,
                "stride.outbox.relay-catch-up", "2m"))) {
            var outbox = api.context.getBean(OutboxRepository.class);
            var relay = api.context.getBean(OutboxRelay.class);
            Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Instant behind = now.minus(Duration.ofMinutes(5));
            OutboxRepository.Row stranded = row(api, "behind", "u-behind", behind.plus(Duration.ofMinutes(3)));
            stored(api, stranded.pending());
            outbox.insertAll(List.of(stranded)).block();
            outbox.advance("behind", behind).block();

            assertThat(relay.relayOlderThan(now).block()).as("the first two minutes hold nothing").isZero();
            assertThat(checkpoint(stack, api, "behind")).isEqualTo(behind.plus(Duration.ofMinutes(2)));
            assertThat(relay.relayOlderThan(now).block()).as("the next two minutes hold the row").isEqualTo(1L);
            assertThat(checkpoint(stack, api, "behind")).isEqualTo(behind.plus(Duration.ofMinutes(4)));
            assertThat(relay.relayOlderThan(now).block()).isZero();
            assertThat(checkpoint(stack, api, "behind")).as("caught up").isEqualTo(now);
        }
    }

    @Test
    void aTenantWhosePublishFailsKeepsItsCheckpointAndDoesNotHoldUpTheTenantsAfterIt(StrideStack stack) {
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            var outbox = api.context.getBean(OutboxRepository.class);
            var relay = api.context.getBean(OutboxRelay.class);
            Instant now = Instant.now();
            List<String> tenants = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "order-" + i).toList();
            // the sweep walks tenants in token order: the first of them gets a row Kafka refuses (invalid topic name)
            var tokens = stack.session().getMetadata().getTokenMap().orElseThrow();
            String broken = tenants.stream().min(java.util.Comparator.comparing(t -> tokens.newToken(
                    com.datastax.oss.driver.api.core.type.codec.TypeCodecs.TEXT.encode(t,
                            com.datastax.oss.driver.api.core.ProtocolVersion.DEFAULT)))).orElseThrow();
            for (String t : tenants) {
                var pending = new PendingEvent(t, "u", "course", "batch", "request-" + t, List.of("c"), List.of(),
                        now.minusSeconds(30), now.minusSeconds(30));
                stored(api, pending);
                outbox.insertAll(List.of(OutboxRepository.row(pending, t.equals(broken) ? "bad topic!" : api.contentTopic,
                        "k-" + t))).block();
            }

            assertThat(relay.relayOlderThan(now).block()).as("every tenant but the broken one").isEqualTo(5L);
            assertThat(checkpoint(stack, api, broken)).as("the broken tenant's checkpoint stays").isBefore(now.minusSeconds(30));
            assertThat(api.consume(api.contentTopic, 5, Duration.ofSeconds(15))).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrderElementsOf(tenants.stream().filter(t -> !t.equals(broken)).map(t -> "k-" + t).toList());
        }
    }

    @Test
    void aRowWhoseRequestStoredNothingIsDeletedUnpublished(StrideStack stack) {
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            var outbox = api.context.getBean(OutboxRepository.class);
            var relay = api.context.getBean(OutboxRelay.class);
            Instant now = Instant.now();
            // what a crash leaves between a refused group's speculative insert and its delete: a row, no history row
            OutboxRepository.Row refused = row(api, "nothing-stored", "u-refused", now.minusSeconds(30));
            OutboxRepository.Row published = row(api, "nothing-stored", "u-stored", now.minusSeconds(30));
            stored(api, published.pending());
            outbox.insertAll(List.of(refused, published)).block();

            assertThat(relay.relayOlderThan(now).block()).as("only the stored request's event").isEqualTo(1L);
            assertThat(outboxRows(stack, api)).as("both rows deleted").isZero();
            assertThat(api.consume(api.contentTopic, 2, Duration.ofSeconds(5))).extracting(ConsumerRecord::key)
                    .containsExactly("k-u-stored");
        }
    }

    @Test
    void aRefusedGroupsSpeculativeRowIsDeletedAndNothingOfItIsPublished(StrideStack stack) {
        String tenant = "speculative";
        String user = "learner-s";
        String token = TestApi.token(tenant, user, List.of("LEARNER"));
        String admin = TestApi.token(tenant, "admin", List.of("ORG_ADMIN"));
        try (TestApi api = TestApi.start(stack, Map.of("stride.outbox.relay-enabled", false))) {
            Calls calls = new Calls(api.client);
            calls.putTree(admin, "course-s", List.of("s1", "s2")).expect(200);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String enrolled = calls.createBatch(admin, "course-s", today.minusDays(1), today.plusDays(9));
            String notEnrolled = calls.createBatch(admin, "course-s", today.minusDays(1), today.plusDays(9));
            calls.enrol(token, "course-s", enrolled, user).expect(200);

            // both groups pass the cached checks, so both get an outbox row before the enrolment reads answer
            Calls.Response r = calls.update(token, user, List.of(
                    Map.of("contentId", "s1", "courseId", "course-s", "batchId", enrolled, "status", 2),
                    Map.of("contentId", "s2", "courseId", "course-s", "batchId", notEnrolled, "status", 2))).expect(200);
            assertThat(r.result().path("s1").asString()).isEqualTo("SUCCESS");
            assertThat(r.result().path("s2").asString()).isEqualTo("NOT_ENROLLED");

            long deadline = System.currentTimeMillis() + 10_000;
            while (outboxRows(stack, api) > 0 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(outboxRows(stack, api)).as("the published row and the refused group's row are deleted").isZero();
            assertThat(api.consume(api.contentTopic, 2, Duration.ofSeconds(5))).extracting(ConsumerRecord::key)
                    .containsExactly(EventKeys.enrolmentKey(tenant, user, "course-s", enrolled));
            assertThat(stack.session().execute("SELECT * FROM " + api.keyspace + ".progress_history WHERE tenant = ?"
                    + " AND user_id = ? AND course_id = ? AND batch_id = ?", tenant, user, "course-s", notEnrolled).all())
                    .as("nothing of the refused group is stored").isEmpty();
        }
    }

    /** Writes the history row the write path writes with an event's facts (what the relay checks for). */
    private static void stored(TestApi api, PendingEvent pending) {
        api.context.getBean(com.datastax.oss.driver.api.core.CqlSession.class).execute(api.context
                .getBean(dev.stride.contentstate.content.ProgressHistoryRepository.class).append(pending, List.of()));
    }

    private static OutboxRepository.Row row(TestApi api, String tenant, String user, Instant createdAt) {
        var pending = new PendingEvent(tenant, user, "course", "batch", "request-" + user, List.of("c"), List.of(),
                createdAt, createdAt);
        return OutboxRepository.row(pending, api.contentTopic, "k-" + user);
    }

    private static Instant checkpoint(StrideStack stack, TestApi api, String tenant) {
        return stack.session().execute("SELECT clean_before FROM " + api.keyspace + ".content_state_outbox_tenants"
                + " WHERE tenant = ?", tenant).one().getInstant(0);
    }

    private static long outboxRows(StrideStack stack, TestApi api) {
        return stack.session().execute("SELECT * FROM " + api.keyspace + ".content_state_outbox").all().size();
    }
}
