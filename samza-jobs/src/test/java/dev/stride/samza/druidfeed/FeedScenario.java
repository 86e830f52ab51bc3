package dev.stride.samza.druidfeed;

import dev.stride.core.content.ContentState;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.StrideEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generated input for the feed (learners working through a five-content course in two batches, one content-state
 * event per content change and the enrolment-progress snapshot after it) and the oracle: what every report query
 * must answer for exactly this input, whatever was duplicated on the way.
 */
final class FeedScenario {

    static final String COURSE = "c1";
    static final List<String> CONTENTS = List.of("a", "b", "c", "d", "q");
    static final long SECONDS_PER_CONTENT = 30;

    final String tenant;
    final CourseStructureEvent tree;
    /** In the order a real system would emit them: each content change, then the snapshot it caused. */
    final List<StrideEvent> events = new ArrayList<>();
    private final Map<String, Long> completionsPerBatch = new TreeMap<>();
    private final Map<String, Long> startedPerBatch = new TreeMap<>();
    private final Map<String, Long> updatesPerBatch = new TreeMap<>();
    private final Map<String, Long> timeSpentPerBatch = new TreeMap<>();
    private final Map<String, Double> latestProgress = new TreeMap<>();
    private final Map<String, Long> completersPerUnit = new TreeMap<>();
    /** batch|UTC day (epoch ms, zero-padded so keys sort by day) → learners active that day and their changes. */
    private final Map<String, java.util.Set<String>> learnersPerBatchDay = new TreeMap<>();
    private final Map<String, Long> updatesPerBatchDay = new TreeMap<>();
    int contentRows;
    int snapshots;

    /** @param learners learner i completes its first i % 6 contents (all five when 5) and opens the next one */
    FeedScenario(String tenant, int learners) {
        this.tenant = tenant;
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        CourseTree course = CourseTree.of(COURSE, "Course", List.of(
                CourseNode.unit("u1", CourseNode.leaf("a"), CourseNode.leaf("b")),
                CourseNode.unit("u2", CourseNode.leaf("c"), CourseNode.leaf("d")),
                CourseNode.leaf("q")));
        this.tree = CourseStructureEvent.of(tenant, course, t0, t0);
        for (int i = 0; i < learners; i++) {
            String user = "u" + i;
            String batch = i % 2 == 0 ? "b1" : "b2";
            int done = i % 6;
            long version = 0;
            int completed = 0;
            Instant completedOn = null;
            for (int k = 0; k < Math.min(done + 1, CONTENTS.size()); k++) {
                String content = CONTENTS.get(k);
                boolean finish = k < done;
                Instant at = t0.plusSeconds(10L * i + k);
                ContentState state = new ContentState(content, finish ? 2 : 1, finish ? 100 : 40, 1, finish ? 1 : 0, at,
                        finish ? at : null, "{\"duration\":" + SECONDS_PER_CONTENT + "}");
                events.add(ContentStateEvent.of(tenant, user, COURSE, batch, "req-" + user + "-" + content, List.of(state),
                        List.of(), at, at));
                contentRows++;
                updatesPerBatch.merge(batch, 1L, Long::sum);
                String batchDay = batch + "|" + String.format("%015d", at.truncatedTo(ChronoUnit.DAYS).toEpochMilli());
                learnersPerBatchDay.computeIfAbsent(batchDay, d -> new java.util.TreeSet<>()).add(user);
                updatesPerBatchDay.merge(batchDay, 1L, Long::sum);
                if (finish) {
                    completed++;
                    String unit = content.equals("q") ? "" : content.compareTo("c") < 0 ? "u1" : "u2";
                    completersPerUnit.merge(unit + "|" + user, 1L, Long::sum);
                }
                version++;
                int status = completed == CONTENTS.size() ? 2 : 1;
                if (status == 2 && completedOn == null) {
                    completedOn = at;
                }
                double pct = completed * 100.0 / CONTENTS.size();
                events.add(new EnrolmentProgressEvent(1,
                        EnrolmentProgressEvent.eventId(tenant, user, COURSE, batch, version), tenant, at, at, user,
                        COURSE, batch, version, status, completed, CONTENTS.size(), pct, completedOn, at, content,
                        finish ? 2 : 1, Map.of(), Map.of(), Map.of(), 0, SECONDS_PER_CONTENT * version, Map.of()));
                snapshots++;
                latestProgress.put(batch + "|" + user, pct);
            }
            startedPerBatch.merge(batch, 1L, Long::sum);
            timeSpentPerBatch.merge(batch, SECONDS_PER_CONTENT * version, Long::sum);
            if (done >= CONTENTS.size()) {
                completionsPerBatch.merge(batch, 1L, Long::sum);
            }
        }
    }

    /** The answers of {@link ReportQueries} for this input, as a clean single run must give them. */
    Map<String, List<List<Object>>> expected() {
        Map<String, List<List<Object>>> out = new TreeMap<>();
        out.put("completions per batch", rows(completionsPerBatch));
        out.put("learners started per batch", rows(startedPerBatch));
        out.put("content updates per batch", rows(updatesPerBatch));
        out.put("time on task per batch", rows(timeSpentPerBatch));
        List<List<Object>> latest = new ArrayList<>();
        latestProgress.forEach((k, v) -> latest.add(List.of(k.split("\\|")[0], k.split("\\|")[1], v)));
        out.put("latest progress per learner", latest);
        Map<String, Long> perUnit = new TreeMap<>();
        completersPerUnit.keySet().forEach(k -> perUnit.merge(k.split("\\|", -1)[0], 1L, Long::sum));
        out.put("learners completing a content per unit", rows(perUnit));
        List<List<Object>> trend = new ArrayList<>();
        updatesPerBatchDay.forEach((k, updates) -> trend.add(List.of(k.split("\\|")[0], Long.parseLong(k.split("\\|")[1]),
                (long) learnersPerBatchDay.get(k).size(), updates, true)));
        out.put("trend activity per batch and day (learner_activity sketches)", trend);
        return out;
    }

    private static List<List<Object>> rows(Map<String, Long> m) {
        List<List<Object>> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(List.of(k, v)));
        return out;
    }
}
