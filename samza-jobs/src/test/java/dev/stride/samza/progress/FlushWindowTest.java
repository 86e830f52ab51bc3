package dev.stride.samza.progress;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.samza.config.MapConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lag-adaptive flush window: today's window while caught up, a bounded longer one only under a backlog. */
class FlushWindowTest {

    private final FlushWindow window = new FlushWindow(500, 5_000, 0.5, 2_000);

    @Test
    void aCaughtUpTaskFlushesAtEveryTick() {
        // up to the backlog lag (2 s here) the job counts as caught up: a loaded machine's 1.9 s hiccup changes nothing
        for (long lag : new long[] {-3_000, 0, 20, 400, 999, 1_999}) { // a producer clock ahead gives a negative lag
            assertThat(window.windowMillis(lag)).as("lag %d", lag).isEqualTo(500);
            assertThat(window.due(480, lag, 0)).as("lag %d", lag).isTrue();
        }
    }

    @Test
    void underABacklogTheWindowIsAShareOfTheLagUpToTheMaximum() {
        assertThat(window.windowMillis(2_000)).isEqualTo(1_000);
        assertThat(window.windowMillis(3_000)).isEqualTo(1_500);
        assertThat(window.windowMillis(9_000)).isEqualTo(4_500);
        assertThat(window.windowMillis(600_000)).isEqualTo(5_000);

        assertThat(window.due(500, 3_000, 0)).isFalse(); // 1.5 s window: the ticks at 0.5 s and 1 s wait
        assertThat(window.due(1_000, 3_000, 0)).isFalse();
        assertThat(window.due(1_260, 3_000, 0)).isTrue(); // the tick about 1.5 s after the last flush (jitter)
        assertThat(window.due(4_600, 600_000, 0)).isFalse();
        assertThat(window.due(4_760, 600_000, 0)).isTrue();
    }

    @Test
    void twoTicksInARowWithNothingAbsorbedFlushWhateverTheLastLag() {
        assertThat(window.due(600, 600_000, 1)).isFalse(); // one quiet tick mid-backlog: a slow fetch, not the end
        assertThat(window.due(1_100, 600_000, 2)).isTrue(); // the backlog is drained: nothing more would coalesce
    }

    @Test
    void aMaximumEqualToTheTickTurnsItOff() {
        FlushWindow fixed = new FlushWindow(500, 500, 0.5, 2_000);
        assertThat(fixed.windowMillis(600_000)).isEqualTo(500);
        assertThat(fixed.due(450, 600_000, 0)).isTrue();
    }

    @Test
    void configDefaultsFollowTheTickAndRejectAWindowBelowIt() {
        assertThat(AggregatorConfig.from(new MapConfig(Map.of("task.window.ms", "250"))).flushWindow())
                .isEqualTo(new FlushWindow(250, 10_000, 1.0, 2_000));
        // the shipped file says the same as the defaults (session 7's measured setting, BENCHMARKS.md)
        assertThat(AggregatorConfig.from(new MapConfig(JobProperties.load(ProgressAggregatorMain.CONFIG, Map.of(),
                new String[0]))).flushWindow()).isEqualTo(new FlushWindow(500, 10_000, 1.0, 2_000));
        assertThat(AggregatorConfig.from(new MapConfig(Map.of("task.window.ms", "500",
                "stride.flush.window-max.ms", "2000", "stride.flush.lag-share", "0.25",
                "stride.flush.backlog-lag.ms", "3000"))).flushWindow())
                .isEqualTo(new FlushWindow(500, 2_000, 0.25, 3_000));
        assertThatThrownBy(() -> AggregatorConfig.from(new MapConfig(Map.of("task.window.ms", "500",
                "stride.flush.window-max.ms", "100")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max (100)");
    }

    /** The window never drops below the tick nor exceeds the maximum, and never shrinks as the lag grows. */
    @Property(tries = 500)
    void boundedAndMonotonic(@ForAll @LongRange(min = -10_000, max = 10_000_000) long lag,
                             @ForAll @LongRange(min = 0, max = 10_000_000) long more) {
        long w = window.windowMillis(lag);
        assertThat(w).isBetween(500L, 5_000L);
        assertThat(window.windowMillis(lag + more)).isGreaterThanOrEqualTo(w);
        // however long the lag, a flush is due at the latest one maximum window after the last one
        assertThat(window.due(5_000, lag, 0)).isTrue();
    }
}
