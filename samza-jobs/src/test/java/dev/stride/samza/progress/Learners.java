package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.content.ContentUpdate;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Plays content-state-api: each update becomes a fact row in user_content_consumption (and an attempt row in
 * assessment_attempts), then an event carrying the content's merged state, as the API publishes after its write.
 */
final class Learners {

    record Enrolment(String tenant, String user, String course, String batch) {
        String key() {
            return EventKeys.enrolmentKey(tenant, user, course, batch);
        }
    }

    private final CqlSession session;
    private final PreparedStatement fact;
    private final PreparedStatement attempt;
    private final Random random;
    private final Map<Enrolment, Map<String, ContentState>> merged = new HashMap<>();
    private final Instant start = Instant.parse("2026-03-01T08:00:00Z");
    private long clock;
    private long requests;

    Learners(CqlSession session, String keyspace, long seed) {
        this.session = session;
        this.random = new Random(seed);
        fact = session.prepare("INSERT INTO " + keyspace + ".user_content_consumption (tenant, user_id, course_id,"
                + " batch_id, content_id, request_id, status, progress, last_access_time, last_completed_time,"
                + " progress_details, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        attempt = session.prepare("INSERT INTO " + keyspace + ".assessment_attempts (tenant, user_id, course_id,"
                + " batch_id, content_id, attempt_id, assessment_ts, total_score, total_max_score, question_responses,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** {@code count} random updates over the enrolments: statuses mostly move forward, the quiz "qz" is attempted. */
    List<ContentStateEvent> updates(List<Enrolment> enrolments, List<String> contents, int count) {
        List<ContentStateEvent> events = new ArrayList<>(count);
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Enrolment e = enrolments.get(random.nextInt(enrolments.size()));
            String content = contents.get(random.nextInt(contents.size()));
            int status = random.nextInt(10) < 6 ? 2 : random.nextInt(2);
            events.add(update(e, content, status, writes));
            if (writes.size() >= 256) {
                join(writes);
            }
        }
        join(writes);
        return events;
    }

    private ContentStateEvent update(Enrolment e, String contentId, int status, List<CompletableFuture<?>> writes) {
        Instant at = start.plusMillis(clock += 1 + random.nextInt(1000));
        String requestId = "req-" + (++requests) + "-" + random.nextInt(1_000_000);
        ContentState state = ContentStateMerge.apply(merged.computeIfAbsent(e, k -> new HashMap<>()).get(contentId),
                new ContentUpdate(requestId, contentId, status, status == 2 ? 100 : 40, at, null),
                Clock.fixed(at, ZoneOffset.UTC));
        merged.get(e).put(contentId, state);
        writes.add(session.executeAsync(fact.bind(e.tenant(), e.user(), e.course(), e.batch(), contentId, requestId,
                status, status == 2 ? 100 : 40, at, status == 2 ? at : null, null, at)).toCompletableFuture());
        List<ContentStateEvent.Attempt> attempts = new ArrayList<>();
        if (contentId.equals("qz")) {
            ContentStateEvent.Question q = new ContentStateEvent.Question("q1", null, "mcq", 10, random.nextInt(11),
                    (double) random.nextInt(60), at, null, Map.of());
            ContentStateEvent.Attempt a = ContentStateEvent.Attempt.of("qz", "att-" + requestId, at, List.of(q));
            attempts.add(a);
            writes.add(session.executeAsync(attempt.bind(e.tenant(), e.user(), e.course(), e.batch(), "qz",
                    a.attemptId(), at, a.totalScore(), a.totalMaxScore(), Json.write(a.questions()), at))
                    .toCompletableFuture());
        }
        return ContentStateEvent.of(e.tenant(), e.user(), e.course(), e.batch(), requestId, List.of(state), attempts,
                at, at);
    }

    private static void join(List<CompletableFuture<?>> writes) {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        writes.clear();
    }
}
