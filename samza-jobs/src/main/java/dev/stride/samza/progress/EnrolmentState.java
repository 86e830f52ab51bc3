package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.EventKeys;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the aggregator keeps per enrolment (RocksDB, changelogged). Everything read from events is a join: contents
 * merge with {@link ContentStateMerge}, attempts dedupe by id keeping the preferred version, times take the later
 * value; so duplicated or reordered events give the same state. Every distinct attempt is kept (the attempts limit
 * applies when counting): dropping those beyond the limit would make the state depend on arrival order.
 *
 * @param contents          content id → merged state (counts kept as legacy bases: events carry counts, not request ids)
 * @param attempts          every distinct attempt, ordered by content id then chronologically
 * @param lastInputTime     the latest ingest time absorbed: the deterministic "updated at" of the rows written
 * @param firstCompletedOn  the first time the enrolment reached 100 %, never cleared
 * @param completionEmitted whether course-completed was emitted (committed with the state, so emitted once)
 * @param version           emitted enrolment-progress changes so far
 * @param fingerprint       digest of the last emitted aggregate: an unchanged aggregate is neither written nor emitted
 * @param metrics           the user_activity_agg entries last written, with their change times
 */
public record EnrolmentState(String tenantId, String userId, String courseId, String batchId,
                             Map<String, ContentState> contents, List<StoredAttempt> attempts, Instant lastInputTime,
                             Instant firstCompletedOn, boolean completionEmitted, long version, String fingerprint,
                             Map<String, MetricValue> metrics) {

    public EnrolmentState {
        contents = Sorted.of(contents);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        metrics = Sorted.of(metrics);
    }

    /**
     * An immutable sorted copy that only this record makes, so a map that already is one is kept as is: absorbing an
     * event no longer copies the unchanged metrics, nor the merged contents a second time (the copies were ~13 % of
     * the run loop's CPU, JFR). Entries are read-only views.
     */
    private static final class Sorted<V> extends AbstractMap<String, V> {
        private final TreeMap<String, V> owned;
        private final Map<String, V> view;

        private Sorted(TreeMap<String, V> owned) {
            this.owned = owned;
            this.view = Collections.unmodifiableMap(owned);
        }

        /** A mutable copy, built in linear time from the sorted entries. */
        TreeMap<String, V> copy() {
            return new TreeMap<>(owned);
        }

        static <V> Map<String, V> of(Map<String, V> m) {
            return m instanceof Sorted<V> sorted ? sorted : new Sorted<>(new TreeMap<>(m == null ? Map.of() : m));
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return view.entrySet();
        }

        @Override
        public V get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
    }

    public static EnrolmentState empty(String tenantId, String userId, String courseId, String batchId) {
        return new EnrolmentState(tenantId, userId, courseId, batchId, Map.of(), List.of(), null, null, false, 0,
                null, Map.of());
    }

    public String key() {
        return EventKeys.enrolmentKey(tenantId, userId, courseId, batchId);
    }

    public String courseKey() {
        return EventKeys.courseKey(tenantId, courseId);
    }

    /** This state joined with one content-state event of the same enrolment. */
    public EnrolmentState absorb(ContentStateEvent event) {
        return absorb(EnrolmentInput.of(event));
    }

    /** This state joined with one event's input (see {@link ContentStateReader}). */
    EnrolmentState absorb(EnrolmentInput input) {
        TreeMap<String, ContentState> merged = ((Sorted<ContentState>) contents).copy(); // always one, see above
        for (ContentState c : input.contents()) {
            merged.merge(c.contentId(), c, ContentStateMerge::merge);
        }
        return new EnrolmentState(tenantId, userId, courseId, batchId, new Sorted<>(merged),
                mergeAttempts(attempts, input.attempts()), later(lastInputTime, input.inputTime()),
                firstCompletedOn, completionEmitted, version, fingerprint, metrics);
    }

    EnrolmentState withEmission(Instant completedOn, boolean emitted, long newVersion, String newFingerprint,
                                Map<String, MetricValue> newMetrics) {
        return new EnrolmentState(tenantId, userId, courseId, batchId, contents, attempts, lastInputTime, completedOn,
                emitted, newVersion, newFingerprint, newMetrics);
    }

    /** Dedupes by (content, attempt) keeping the preferred version; ordered by content, then chronologically. */
    static List<StoredAttempt> mergeAttempts(List<StoredAttempt> current, List<StoredAttempt> incoming) {
        if (incoming.isEmpty()) {
            return current;
        }
        Map<String, Map<String, StoredAttempt>> byContent = new TreeMap<>();
        for (List<StoredAttempt> list : List.of(current, incoming)) {
            for (StoredAttempt a : list) {
                byContent.computeIfAbsent(a.contentId(), k -> new TreeMap<>()).merge(a.attemptId(), a,
                        (x, y) -> StoredAttempt.SAME_ATTEMPT_PREFERENCE.compare(x, y) >= 0 ? x : y);
            }
        }
        List<StoredAttempt> out = new ArrayList<>();
        for (Map<String, StoredAttempt> ofContent : byContent.values()) {
            List<StoredAttempt> sorted = new ArrayList<>(ofContent.values());
            sorted.sort(StoredAttempt.CHRONOLOGICAL);
            out.addAll(sorted);
        }
        return out;
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
