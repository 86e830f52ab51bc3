package dev.stride.samza.progress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A sink into a map per name: Samza serialises the factory, so tasks find their map through the name. */
final class MemorySink implements ProgressSink {

    private static final Map<String, Map<String, EnrolmentAggregate>> ROWS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.List<Integer>> WRITES = new ConcurrentHashMap<>();

    private final Map<String, EnrolmentAggregate> rows;
    private final java.util.List<Integer> writes;

    private MemorySink(String name) {
        this.rows = rows(name);
        this.writes = writes(name);
    }

    /** The number of aggregates in each write (flush) under this name, in order. */
    static java.util.List<Integer> writes(String name) {
        return WRITES.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
    }

    static ProgressSinkFactory factory(String name) {
        return config -> new MemorySink(name);
    }

    /** The latest aggregate per enrolment key written under this name. */
    static Map<String, EnrolmentAggregate> rows(String name) {
        return ROWS.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    }

    @Override
    public CompletionStage<Void> write(List<EnrolmentAggregate> aggregates) {
        writes.add(aggregates.size());
        aggregates.forEach(a -> rows.put(a.tenantId() + "|" + a.userId() + "|" + a.courseId() + "|" + a.batchId(), a));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
