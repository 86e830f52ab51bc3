package dev.stride.ops.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Which wall-clock seconds of an open-loop run held its slow requests (by due time), so a p99 can be matched against
 * the servers' logs (GC pauses, memtable flushes, the outbox relay's sweeps) instead of guessed at.
 */
final class SlowSeconds implements OpenLoop.Listener {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private final long thresholdMicros;
  private final long wallMinusNanoMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
  /** second (epoch) → [requests, slow requests, max µs]. */
  private final Map<Long, AtomicLongArray> seconds = new ConcurrentSkipListMap<>();

  SlowSeconds(long thresholdMicros) {
    this.thresholdMicros = thresholdMicros;
  }

  @Override
  public void answered(OpenLoop.Slot slot, StrideClient.Response response, Throwable failure, long doneNanos) {
    if (!slot.measured()) {
      return;
    }
    long micros = (doneNanos - slot.dueNanos()) / 1000;
    long second = (wallMinusNanoMillis + slot.dueNanos() / 1_000_000) / 1000;
    AtomicLongArray s = seconds.computeIfAbsent(second, k -> new AtomicLongArray(3));
    s.incrementAndGet(0);
    if (micros > thresholdMicros) {
      s.incrementAndGet(1);
    }
    s.accumulateAndGet(2, micros, Math::max);
  }

  /** e.g. {@code 16:40:03 41/500 max 212 ms; 16:40:09 ...}, or "none". */
  String summary() {
    String slow = seconds.entrySet().stream().filter(e -> e.getValue().get(1) > 0)
        .map(e -> String.format("%s %d/%d max %d ms", CLOCK.format(Instant.ofEpochSecond(e.getKey())),
            e.getValue().get(1), e.getValue().get(0), e.getValue().get(2) / 1000))
        .collect(Collectors.joining("; "));
    return slow.isEmpty() ? "none" : slow;
  }
}
