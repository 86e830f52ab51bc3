package dev.stride.groupprogress.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CohortTest {

    static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

    static LearnerRow row(String id, int status, double pct, Instant seen) {
        return new LearnerRow(id, id, status, pct, seen, null, null, null, null);
    }

    @Test
    void figuresOfABatch() {
        Cohort c = Cohort.of(List.of(row("a", 2, 100, NOW), row("b", 1, 9.99, NOW.minus(Duration.ofDays(8))),
                row("c", 1, 10, null), row("d", 2, 100, NOW.minus(Duration.ofDays(30)))), NOW, Duration.ofDays(7));
        assertThat(c.learners()).isEqualTo(4);
        assertThat(c.completionRate()).isEqualTo(50);
        assertThat(c.medianProgress()).isEqualTo(55);
        assertThat(c.buckets()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(c.inactive()).as("b and c; d completed").isEqualTo(2);
    }

    @Test
    void anEmptyBatchHasZeroes() {
        Cohort c = Cohort.of(List.of(), NOW, Duration.ofDays(7));
        assertThat(c.learners()).isZero();
        assertThat(c.completionRate()).isZero();
        assertThat(c.medianProgress()).isZero();
    }
}
