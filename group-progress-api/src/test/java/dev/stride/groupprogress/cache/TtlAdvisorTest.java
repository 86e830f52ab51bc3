package dev.stride.groupprogress.cache;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TtlAdvisorTest {

    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void followsTheSquareRootRule() {
        StepClock clock = new StepClock();
        TtlAdvisor advisor = new TtlAdvisor(clock);
        // One key over 100 s: 200 reads (R = 2/s), 10 recomputations of 50 reads, every one changed after the first.
        for (int i = 0; i < 200; i++) {
            advisor.lookedUp();
        }
        for (int i = 0; i < 11; i++) {
            advisor.computed("k", new Computed<>("v", 50, i));
        }
        clock.now = clock.now.plusSeconds(100);
        TtlAdvisor.Advice a = advisor.advise(Duration.ofSeconds(60));
        assertThat(a.readsPerSecondPerKey()).isEqualTo(2);
        assertThat(a.changesPerSecondPerKey()).isEqualTo(0.1);
        // sqrt(2 * 50 / (2 * 0.1)) = sqrt(500) = 22.4
        assertThat(a.suggested()).isEqualTo("PT22S");
    }

    @Test
    void withoutChangesAdvisesTheLongestAndWithoutReadsKeepsTheCurrent() {
        StepClock clock = new StepClock();
        TtlAdvisor advisor = new TtlAdvisor(clock);
        assertThat(advisor.advise(Duration.ofSeconds(60)).suggested()).isEqualTo("PT1M");
        advisor.lookedUp();
        advisor.computed("k", new Computed<>("v", 3, 1));
        advisor.computed("k", new Computed<>("v", 3, 1));
        assertThat(advisor.advise(Duration.ofSeconds(60)).suggested()).isEqualTo("PT1H");
    }
}
