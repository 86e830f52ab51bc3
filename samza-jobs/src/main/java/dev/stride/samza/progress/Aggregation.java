package dev.stride.samza.progress;

import dev.stride.core.completion.AssessmentAttempt;
import dev.stride.core.completion.AssessmentBests;
import dev.stride.core.completion.BestScore;
import dev.stride.core.completion.Completion;
import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.CourseCompletedEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregator's pure step: an enrolment state and its course tree in, the aggregate to write, the events to emit
 * and the next state out. Deterministic: the same state and tree always give the same output, so a replay after a
 * crash rewrites identical rows and re-emits identical events (same eventIds).
 */
public final class Aggregation {

    /** Top-level numeric field of a content's progressdetails counted as seconds spent on it (cumulative, latest wins). */
    public static final String DURATION_FIELD = "duration";
    /** Marks a {@link #fingerprint} of the binary form (one without it is the first, JSON form). */
    static final String FINGERPRINT_PREFIX = "b1:";

    private Aggregation() {
    }

    /**
     * What changes when this state meets this tree.
     *
     * @param progress  the aggregate to write and emit, or null when it equals the last emitted one
     * @param completed the course-completed event to emit, or null
     * @param state     the state to store (equal to the input when nothing changed)
     */
    public record Outcome(EnrolmentAggregate progress, CourseCompletedEvent completed, EnrolmentState state,
                          long version) {
    }

    /**
     * @param treeTime when the tree was accepted (a tree change is an input too: it moves the rows' updated time)
     */
    public static Outcome step(EnrolmentState s, CourseTree tree, Instant treeTime, int attemptCap) {
        Instant updatedAt = EnrolmentState.later(s.lastInputTime(), treeTime);
        EnrolmentAggregate aggregate = compute(s, tree, updatedAt, attemptCap);
        String fingerprint = fingerprint(aggregate);
        if (fingerprint.equals(s.fingerprint()) || legacyFingerprintMatches(s.fingerprint(), aggregate)) {
            return new Outcome(null, null, s, s.version());
        }
        CourseCompletedEvent completed = null;
        if (aggregate.status() == 2 && !s.completionEmitted()) {
            completed = new CourseCompletedEvent(CourseCompletedEvent.SCHEMA_VERSION,
                    CourseCompletedEvent.eventId(s.tenantId(), s.userId(), s.courseId(), s.batchId()), s.tenantId(),
                    aggregate.completedOn(), updatedAt, s.userId(), s.courseId(), s.batchId(), aggregate.completedOn(),
                    aggregate.leafNodesCount(), aggregate.totalScore(), Map.of());
        }
        Map<String, MetricValue> metrics = new TreeMap<>();
        aggregate.aggregates().forEach((k, v) -> metrics.put(k, new MetricValue(v, aggregate.aggLastUpdated().get(k))));
        long version = s.version() + 1;
        EnrolmentState next = s.withEmission(aggregate.completedOn(), s.completionEmitted() || completed != null,
                version, fingerprint, metrics);
        return new Outcome(aggregate, completed, next, version);
    }

    /**
     * The aggregate a state last emitted (equal to it when {@link #step} returns no progress): for rewriting rows whose
     * write may have been lost before a crash.
     */
    public static EnrolmentAggregate current(EnrolmentState s, CourseTree tree, Instant treeTime, int attemptCap) {
        return compute(s, tree, EnrolmentState.later(s.lastInputTime(), treeTime), attemptCap);
    }

    /** The aggregate of a state against a tree, with {@code updatedAt} as the time of anything that changed. */
    public static EnrolmentAggregate compute(EnrolmentState s, CourseTree tree, Instant updatedAt, int attemptCap) {
        Map<String, Integer> statuses = new TreeMap<>();
        Instant lastAccess = null;
        ContentState lastRead = null;
        long timeSpent = 0;
        for (ContentState c : s.contents().values()) {
            statuses.put(c.contentId(), c.status());
            if (lastRead == null || readLater(c, lastRead)) {
                lastRead = c;
            }
            lastAccess = EnrolmentState.later(lastAccess, c.lastAccessTime());
            timeSpent += durationSeconds(c.progressDetails());
        }
        Completion completion = Completion.ofStatuses(statuses, tree);
        List<AssessmentAttempt> attempts = s.attempts().stream().map(StoredAttempt::toAssessmentAttempt).toList();
        AssessmentBests bests = AssessmentBests.of(attempts, attemptCap);
        Map<String, Double> secondsByAttempt = new HashMap<>();
        s.attempts().forEach(a -> secondsByAttempt.put(a.contentId() + EventKeys.SEPARATOR + a.attemptId(),
                a.durationSeconds()));
        double attemptSeconds = 0;
        for (List<AssessmentAttempt> counted : AssessmentBests.counted(attempts, attemptCap).values()) {
            for (AssessmentAttempt a : counted) {
                attemptSeconds += secondsByAttempt.get(a.contentId() + EventKeys.SEPARATOR + a.attemptId());
            }
        }
        timeSpent += (long) Math.floor(attemptSeconds);

        Instant completedOn = s.firstCompletedOn();
        if (completedOn == null && completion.isComplete()) {
            completedOn = completionTime(s, tree, updatedAt);
        }
        Map<String, Double> units = new LinkedHashMap<>();
        completion.units().forEach((id, u) -> units.put(id, u.percentage()));
        Map<String, Double> bestScores = new HashMap<>();
        Map<String, Double> aggregates = new HashMap<>();
        aggregates.put("completedCount", (double) completion.completedCount());
        aggregates.put("completionPercentage", completion.percentage());
        for (BestScore b : bests.byContent().values()) {
            bestScores.put(b.contentId(), b.bestScore());
            aggregates.put("score:" + b.contentId(), b.bestScore());
            aggregates.put("max_score:" + b.contentId(), b.maxScore());
            aggregates.put("attempts_count:" + b.contentId(), (double) b.attemptCount());
        }
        Map<String, Instant> lastUpdated = new HashMap<>();
        aggregates.forEach((k, v) -> {
            MetricValue before = s.metrics().get(k);
            lastUpdated.put(k, before != null && before.value() == v && before.lastUpdated() != null
                    ? before.lastUpdated() : updatedAt);
        });
        return new EnrolmentAggregate(s.tenantId(), s.userId(), s.courseId(), s.batchId(), completion.status(),
                completion.completedCount(), completion.requiredCount(), completion.percentage(), completedOn,
                lastAccess, lastRead == null ? null : lastRead.contentId(),
                lastRead == null ? null : lastRead.status(), statuses, units, bestScores, bests.totalScore(),
                timeSpent, aggregates, lastUpdated, updatedAt);
    }

    /** When the last required content was completed; {@code fallback} when no time is known (nothing required). */
    static Instant completionTime(EnrolmentState s, CourseTree tree, Instant fallback) {
        Instant latest = null;
        for (String id : tree.requiredLeafIds()) {
            ContentState c = s.contents().get(id);
            if (c != null) {
                latest = EnrolmentState.later(latest, c.lastCompletedTime());
            }
        }
        return latest != null ? latest : fallback;
    }

    /** Seconds in a progressdetails JSON object's {@value #DURATION_FIELD}; 0 when absent or not JSON. */
    static long durationSeconds(String progressDetails) {
        if (progressDetails == null || progressDetails.isBlank()) {
            return 0;
        }
        try {
            JsonNode d = Json.MAPPER.readTree(progressDetails).get(DURATION_FIELD);
            return d != null && d.isNumber() && d.asDouble() > 0 ? (long) Math.floor(d.asDouble()) : 0;
        } catch (JacksonException e) {
            return 0; // progressdetails is the client's opaque text: not JSON means no duration
        }
    }

    /**
     * Digest of the aggregate's values (not its times): equal digests mean nothing to write or emit. SHA-256 over a
     * binary form of the fields (every map is sorted), prefixed {@value #FINGERPRINT_PREFIX}: the JSON text the first
     * version hashed cost more than the rest of the computation.
     */
    static String fingerprint(EnrolmentAggregate a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (String s : new String[]{a.tenantId(), a.userId(), a.courseId(), a.batchId(), a.lastReadContentId()}) {
                writeNullable(out, s);
            }
            out.writeInt(a.status());
            out.writeInt(a.completedCount());
            out.writeInt(a.leafNodesCount());
            out.writeDouble(a.completionPercentage());
            writeNullable(out, a.completedOn());
            writeNullable(out, a.lastAccessTime());
            out.writeInt(a.lastReadContentStatus() == null ? -1 : a.lastReadContentStatus());
            out.writeInt(a.contentStatus().size());
            for (Map.Entry<String, Integer> e : a.contentStatus().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            for (Map<String, Double> m : List.of(a.unitCompletion(), a.bestScores(), a.aggregates())) {
                out.writeInt(m.size());
                for (Map.Entry<String, Double> e : m.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeDouble(e.getValue());
                }
            }
            out.writeDouble(a.totalScore());
            out.writeLong(a.timeSpentSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return FINGERPRINT_PREFIX + HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()), 0, 16);
    }

    /** Whether a fingerprint of the first (JSON) form, kept in a state written before, matches this aggregate. */
    static boolean legacyFingerprintMatches(String stored, EnrolmentAggregate aggregate) {
        return stored != null && !stored.startsWith(FINGERPRINT_PREFIX) && stored.equals(legacyFingerprint(aggregate));
    }

    /** The first form: SHA-256 of the aggregate's JSON without times (states written before still carry it). */
    static String legacyFingerprint(EnrolmentAggregate aggregate) {
        byte[] digest = sha256().digest(Json.write(aggregate.withoutTimes()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private static void writeNullable(DataOutputStream out, Object value) throws IOException {
        out.writeBoolean(value != null);
        if (value instanceof Instant t) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value != null) {
            out.writeUTF(value.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    private static boolean readLater(ContentState c, ContentState current) {
        int byTime = compareNullsFirst(c.lastAccessTime(), current.lastAccessTime());
        return byTime > 0 || (byTime == 0 && c.contentId().compareTo(current.contentId()) > 0);
    }

    private static int compareNullsFirst(Instant a, Instant b) {
        if (a == null) {
            return b == null ? 0 : -1;
        }
        return b == null ? 1 : a.compareTo(b);
    }
}
