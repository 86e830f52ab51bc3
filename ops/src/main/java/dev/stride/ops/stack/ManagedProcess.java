package dev.stride.ops.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A server process started by stride, remembered by a PID file holding the PID and the process
 * start instant: a recycled PID belongs to another process and is never signalled.
 */
public record ManagedProcess(String service, long pid, Instant started) {

  public static Optional<ManagedProcess> read(Path pidFile, String service) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(pidFile).trim().split("\\s+");
      return Optional.of(new ManagedProcess(service, Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public static ManagedProcess of(String service, ProcessHandle handle) {
    Instant started = handle.info().startInstant().orElse(Instant.EPOCH);
    return new ManagedProcess(service, handle.pid(), started);
  }

  public void write(Path pidFile) throws IOException {
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, pid + " " + started.toEpochMilli() + "\n");
  }

  /** The live process this record names, if it still runs and is the same process. */
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().startInstant().map(s -> Math.abs(Duration.between(s, started).toMillis()) < 2000).orElse(true));
  }

  public boolean alive() {
    return handle().isPresent();
  }

  public Duration uptime() {
    return Duration.between(started, Instant.now());
  }

  /** SIGTERM, wait, then SIGKILL; true when the process is gone. */
  public boolean stop(Duration grace) {
    Optional<ProcessHandle> h = handle();
    if (h.isEmpty()) {
      return true;
    }
    ProcessHandle process = h.get();
    process.destroy();
    if (waitForExit(process, grace)) {
      return true;
    }
    process.destroyForcibly();
    return waitForExit(process, Duration.ofSeconds(10));
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    }
  }
}
