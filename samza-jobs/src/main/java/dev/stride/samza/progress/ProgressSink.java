package dev.stride.samza.progress;

import java.util.concurrent.CompletionStage;

/** Where aggregates go: the three Cassandra tables in production, a map in unit tests. Writes must be idempotent upserts. */
public interface ProgressSink extends AutoCloseable {

    CompletionStage<Void> write(EnrolmentAggregate aggregate);

    @Override
    void close();
}
