package dev.stride.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlowSecondsTest {

  private static final StrideClient.Response OK = new StrideClient.Response(200, "");

  @Test
  void listsOnlyTheSecondsThatHeldSlowRequestsWithTheirShareAndMaximum() {
    SlowSeconds slow = new SlowSeconds(50_000);
    long base = System.nanoTime();
    // three requests due at one instant (so in one wall second): one slow (120 ms); a warm-up slot is not counted
    slow.answered(new OpenLoop.Slot(0, base, true), OK, null, base + 5_000_000);
    slow.answered(new OpenLoop.Slot(1, base, true), OK, null, base + 120_000_000);
    slow.answered(new OpenLoop.Slot(2, base, true), OK, null, base + 12_000_000);
    slow.answered(new OpenLoop.Slot(3, base - 3_000_000_000L, false), OK, null, base);

    assertThat(slow.summary()).matches("\\d\\d:\\d\\d:\\d\\d 1/3 max 120 ms");
  }

  @Test
  void saysNoneWhenEveryRequestWasFast() {
    SlowSeconds slow = new SlowSeconds(50_000);
    long base = System.nanoTime();
    slow.answered(new OpenLoop.Slot(0, base, true), OK, null, base + 49_000_000);
    assertThat(slow.summary()).isEqualTo("none");
  }
}
