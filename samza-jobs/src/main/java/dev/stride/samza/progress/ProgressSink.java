package dev.stride.samza.progress;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where aggregates go: the three Cassandra tables in production, a map in unit tests. Writes must be idempotent upserts. */
public interface ProgressSink extends AutoCloseable {

    /** Writes one flush's aggregates (one per enrolment); completes when all are durable. */
    CompletionStage<Void> write(List<EnrolmentAggregate> aggregates);

    @Override
    void close();
}
