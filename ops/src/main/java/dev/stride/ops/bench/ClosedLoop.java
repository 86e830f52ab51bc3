package dev.stride.ops.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: `concurrency` virtual clients each send their next request when the previous
 * answers, for a warm-up then a measured window. Bounded in time by construction.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  static LoadResult run(String name, int concurrency, Duration warmup, Duration measure, long unitsPerRequest,
      Supplier<CompletableFuture<StrideClient.Response>> next) throws InterruptedException {
    return run(name, concurrency, warmup, measure, unitsPerRequest, next, status -> status == 200);
  }

  /** As above; {@code cpu} is started and stopped with the measured window. */
  static LoadResult run(String name, int concurrency, Duration warmup, Duration measure, long unitsPerRequest,
      Supplier<CompletableFuture<StrideClient.Response>> next, CpuMeter cpu) throws InterruptedException {
    return run(name, concurrency, warmup, measure, unitsPerRequest, next, status -> status == 200, cpu);
  }

  /** As above, with the statuses that count as answered (e.g. 304 for a revalidation). */
  static LoadResult run(String name, int concurrency, Duration warmup, Duration measure, long unitsPerRequest,
      Supplier<CompletableFuture<StrideClient.Response>> next, IntPredicate answered) throws InterruptedException {
    return run(name, concurrency, warmup, measure, unitsPerRequest, next, answered, null);
  }

  /** As above; {@code cpu} (may be null) is started and stopped with the measured window. */
  static LoadResult run(String name, int concurrency, Duration warmup, Duration measure, long unitsPerRequest,
      Supplier<CompletableFuture<StrideClient.Response>> next, IntPredicate answered, CpuMeter cpu) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      loop(next, answered, recorder, measuring, stop, ok, errors, done);
    }
    Thread.sleep(warmup.toMillis());
    recorder.reset();
    ok.set(0);
    errors.set(0);
    measuring.set(true);
    if (cpu != null) {
      cpu.start();
    }
    long t0 = System.nanoTime();
    Thread.sleep(measure.toMillis());
    measuring.set(false);
    if (cpu != null) {
      cpu.stop();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long requests = ok.get();
    long failed = errors.get();
    Histogram h = recorder.getIntervalHistogram();
    stop.set(true);
    done.await();
    return new LoadResult(name, requests, failed, seconds, unitsPerRequest, h);
  }

  private static void loop(Supplier<CompletableFuture<StrideClient.Response>> next, IntPredicate answered, Recorder recorder, AtomicBoolean measuring,
      AtomicBoolean stop, AtomicLong ok, AtomicLong errors, CountDownLatch done) {
    if (stop.get()) {
      done.countDown();
      return;
    }
    long start = System.nanoTime();
    next.get().whenComplete((response, failure) -> {
      if (measuring.get()) {
        recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
        if (failure == null && answered.test(response.status())) {
          ok.incrementAndGet();
        } else {
          errors.incrementAndGet();
        }
      }
      loop(next, answered, recorder, measuring, stop, ok, errors, done);
    });
  }
}
