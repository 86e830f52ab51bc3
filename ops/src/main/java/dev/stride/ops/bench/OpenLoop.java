package dev.stride.ops.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-loop load: requests leave on a fixed schedule (`rate` per second) whether or not earlier ones answered, and
 * each latency is measured from the request's scheduled send time, so a stalled server or a late generator shows in the
 * percentiles instead of slowing the load (no coordinated omission). Slots due in the warm-up are sent but not counted.
 */
final class OpenLoop {
  /** Requests in flight beyond which the generator skips a slot (counted as skipped): the server is not keeping up. */
  static final int MAX_IN_FLIGHT = 4096;
  /** How long the end of a run waits for the measured window's last answers (the client's own timeout is 30 s). */
  static final Duration DRAIN = Duration.ofSeconds(35);

  private OpenLoop() {}

  /** One scheduled request: its index from 0, its due time (System.nanoTime) and whether it is in the measured window. */
  record Slot(long index, long dueNanos, boolean measured) {}

  interface Request {
    CompletableFuture<StrideClient.Response> send(Slot slot);
  }

  /** Called for each answer (or failure) before it is counted; {@code doneNanos} is when it arrived. */
  interface Listener {
    void answered(Slot slot, StrideClient.Response response, Throwable failure, long doneNanos);
  }

  /** What a run gave: counts over the measured window's slots, latency from each slot's due time. */
  record Result(double rate, long sent, long ok, long failed, long skipped, double seconds, Histogram latencyMicros) {

    /** As a {@link LoadResult} (requests = answered ok, errors = failed + skipped) for the benches' tables. */
    LoadResult load(String name, long unitsPerRequest) {
      return new LoadResult(name, ok, failed + skipped, seconds, unitsPerRequest, latencyMicros);
    }
  }

  static Result run(double rate, Duration warmup, Duration measure, IntPredicate answered, Request request, CpuMeter cpu)
      throws InterruptedException {
    return run(rate, warmup, measure, answered, request, (slot, response, failure, doneNanos) -> { }, cpu);
  }

  /**
   * Sends slot i at t0 + i / rate from this thread; {@code cpu} (may be null) is started and stopped with the measured
   * window. Returns once the window's last request answered or {@link #DRAIN} passed (those still open count as failed).
   */
  static Result run(double rate, Duration warmup, Duration measure, IntPredicate answered, Request request,
      Listener listener, CpuMeter cpu) throws InterruptedException {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be > 0 requests/s, got " + rate);
    }
    Recorder latencies = new Recorder(3);
    AtomicLong sent = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    AtomicLong measuredOpen = new AtomicLong();
    double periodNanos = 1e9 / rate;
    long t0 = System.nanoTime();
    long measureFrom = t0 + warmup.toNanos();
    long endAt = measureFrom + measure.toNanos();
    boolean cpuStarted = false;
    for (long i = 0; ; i++) {
      long due = t0 + (long) (i * periodNanos);
      if (due >= endAt) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      boolean measured = due >= measureFrom;
      if (measured && !cpuStarted && cpu != null) {
        cpu.start();
        cpuStarted = true;
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        if (measured) {
          skipped.incrementAndGet();
          // counted as late as it already is, or the percentiles would leave out the worst moments
          latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
        }
        continue;
      }
      Slot slot = new Slot(i, due, measured);
      inFlight.incrementAndGet();
      if (measured) {
        sent.incrementAndGet();
        measuredOpen.incrementAndGet();
      }
      CompletableFuture<StrideClient.Response> f;
      try {
        f = request.send(slot);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((response, failure) -> {
        long done = System.nanoTime();
        inFlight.decrementAndGet();
        listener.answered(slot, response, failure, done);
        if (!measured) {
          return;
        }
        latencies.recordValue(Math.max(1, (done - due) / 1000));
        if (failure == null && answered.test(response.status())) {
          ok.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        measuredOpen.decrementAndGet();
      });
    }
    long end = System.nanoTime();
    if (end < endAt) {
      LockSupport.parkNanos(endAt - end);
    }
    if (cpu != null && cpuStarted) {
      cpu.stop();
    }
    long drainUntil = System.nanoTime() + DRAIN.toNanos();
    while (measuredOpen.get() > 0 && System.nanoTime() < drainUntil) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    long failedNow = failed.get(); // before reading what is still open, so a late answer is not counted twice
    long open = measuredOpen.get(); // never answered within the client's timeout plus DRAIN
    Histogram h = latencies.getIntervalHistogram();
    for (long i = 0; i < open; i++) {
      h.recordValue(Math.max(1, (System.nanoTime() - endAt) / 1000)); // due before endAt: at least this late
    }
    return new Result(rate, sent.get(), ok.get(), failedNow + open, skipped.get(), measure.toNanos() / 1e9, h);
  }
}
