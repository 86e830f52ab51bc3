package dev.stride.samza.progress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A sink into a map per name: Samza serialises the factory, so tasks find their map through the name. */
final class MemorySink implements ProgressSink {

    private static final Map<String, Map<String, EnrolmentAggregate>> ROWS = new ConcurrentHashMap<>();

    private final Map<String, EnrolmentAggregate> rows;

    private MemorySink(String name) {
        this.rows = rows(name);
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
        aggregates.forEach(a -> rows.put(a.tenantId() + "|" + a.userId() + "|" + a.courseId() + "|" + a.batchId(), a));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
