package dev.stride.samza.progress;

import java.time.Instant;

/** One entry of user_activity_agg's aggregates map with its agg_last_updated time (when the value last changed). */
public record MetricValue(double value, Instant lastUpdated) {
}
