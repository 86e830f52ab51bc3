package dev.stride.ops.bench;

import org.HdrHistogram.Histogram;

/** What one timed load phase achieved: rates over the measured window and latency percentiles in ms. */
record LoadResult(String name, long requests, long errors, double seconds, long unitsPerRequest, Histogram latencyMicros) {

  double requestsPerSecond() {
    return requests / seconds;
  }

  double unitsPerSecond() {
    return requests * unitsPerRequest / seconds;
  }

  double p(double percentile) {
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  String line() {
    return String.format("%-28s %9.0f req/s %10.0f units/s  p50 %6.2f ms  p99 %7.2f ms  max %7.1f ms  errors %d",
        name, requestsPerSecond(), unitsPerSecond(), p(50), p(99), latencyMicros.getMaxValue() / 1000.0, errors);
  }
}
