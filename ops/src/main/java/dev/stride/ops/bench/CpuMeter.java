package dev.stride.ops.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time the stack's processes spend during a measured window (from the OS, via ProcessHandle): on a shared
 * machine, CPU per request is steadier than requests/s, which follows whatever else runs on the cores.
 */
final class CpuMeter {
  private final Map<String, ProcessHandle> processes;
  private final Map<String, Duration> atStart = new LinkedHashMap<>();
  private final Map<String, Duration> used = new LinkedHashMap<>();

  CpuMeter(Map<String, ProcessHandle> processes) {
    this.processes = Map.copyOf(processes);
  }

  void start() {
    atStart.clear();
    processes.forEach((name, p) -> cpu(p).ifPresent(d -> atStart.put(name, d)));
  }

  void stop() {
    used.clear();
    atStart.forEach((name, d0) -> cpu(processes.get(name)).ifPresent(d -> used.put(name, d.minus(d0))));
  }

  /** "api 1.21 ms, cassandra 0.93 ms" per request of the last window, in a stable order. */
  String perRequest(long requests) {
    StringBuilder out = new StringBuilder();
    used.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append(out.isEmpty() ? "" : ", ")
        .append(e.getKey()).append(' ').append(String.format("%.2f", requests == 0 ? 0 : e.getValue().toNanos() / 1e6 / requests))
        .append(" ms"));
    return out.toString();
  }

  private static Optional<Duration> cpu(ProcessHandle p) {
    return p.info().totalCpuDuration();
  }
}
