package dev.stride.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void aServerSlowerThanTheRateShowsItsQueueInTheLatenciesInsteadOfSlowingTheLoad() throws Exception {
    // one request at a time, 20 ms each (50/s) against 200/s: a closed loop would report ~20 ms
    var server = Executors.newSingleThreadExecutor();
    try {
      OpenLoop.Result r = OpenLoop.run(200, Duration.ZERO, Duration.ofMillis(500), status -> status == 200,
          slot -> CompletableFuture.supplyAsync(() -> {
            sleep(20);
            return new StrideClient.Response(200, "");
          }, server), null);

      assertThat(r.sent()).isBetween(95L, 101L); // on schedule whatever the answers did
      assertThat(r.ok()).isEqualTo(r.sent());
      assertThat(r.skipped()).isZero();
      // the last of ~100 requests waits behind the others: ~2 s from its due time
      assertThat(r.latencyMicros().getMaxValue()).isGreaterThan(1_000_000);
      assertThat(r.latencyMicros().getValueAtPercentile(50)).isGreaterThan(300_000);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void warmUpSlotsAreSentButNotCountedAndFailuresAreCountedAsErrors() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      OpenLoop.Result r = OpenLoop.run(100, Duration.ofMillis(300), Duration.ofMillis(500), status -> status == 200, slot -> {
        CompletableFuture<StrideClient.Response> f = new CompletableFuture<>();
        int status = slot.index() % 2 == 0 ? 200 : 503;
        timer.schedule(() -> f.complete(new StrideClient.Response(status, "")), 5, TimeUnit.MILLISECONDS);
        return f;
      }, null);

      assertThat(r.sent()).isBetween(48L, 51L);
      assertThat(r.ok() + r.failed()).isEqualTo(r.sent());
      assertThat(r.failed()).isBetween(r.sent() / 2 - 1, r.sent() / 2 + 1);
      assertThat(r.load("x", 10).unitsPerSecond()).isEqualTo(r.ok() * 10 / 0.5);
      assertThat(r.latencyMicros().getTotalCount()).isEqualTo(r.sent());
    } finally {
      timer.shutdownNow();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
