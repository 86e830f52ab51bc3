package dev.stride.samza.progress;

import java.io.Serializable;

/** Opens the sink of one task; Serializable because Samza serialises the task factory that holds it. */
@FunctionalInterface
public interface ProgressSinkFactory extends Serializable {

    ProgressSink open(AggregatorConfig config);
}
