package dev.stride.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;

/** What every Stride Kafka event carries. Records implementing it keep unknown JSON properties in {@link #extra()}. */
public interface StrideEvent {

    int schemaVersion();

    /** Unique per event; deterministic where the event has a natural identity, so a replay repeats it. */
    String eventId();

    String tenantId();

    /** When it happened (the learner's action, the structure change). */
    Instant eventTime();

    /** When Stride accepted it. */
    Instant ingestTime();

    /** Properties this version does not know, kept so that re-serialising loses nothing. */
    Map<String, Object> extra();

    @JsonIgnore
    String topic();

    @JsonIgnore
    String key();
}
