package dev.stride.core.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCounterTest {

    private static RequestCounter countOf(int n) {
        RequestCounter c = RequestCounter.empty();
        for (int i = 0; i < n; i++) {
            c = c.merge(RequestCounter.ofRequest("request-" + i));
        }
        return c;
    }

    @Test
    void exactBelowCapacity() {
        RequestCounter c = countOf(RequestCounter.CAPACITY - 1);
        assertThat(c.count()).isEqualTo(RequestCounter.CAPACITY - 1);
        assertThat(c.isEstimate()).isFalse();
    }

    @Test
    void boundedAndCloseAboveCapacity() {
        RequestCounter c = countOf(20_000);
        assertThat(c.hashes()).hasSize(RequestCounter.CAPACITY);
        assertThat(c.isEstimate()).isTrue();
        assertThat(c.count()).isBetween(16_000, 24_000);
    }

    @Test
    void neverDecreasesAcrossTheSwitchToEstimating() {
        RequestCounter c = RequestCounter.empty();
        int previous = 0;
        for (int i = 0; i < 3 * RequestCounter.CAPACITY; i++) {
            c = c.merge(RequestCounter.ofRequest("r" + i));
            assertThat(c.count()).isGreaterThanOrEqualTo(previous);
            previous = c.count();
        }
    }

    @Test
    void hashesAreNormalisedSoEqualStatesAreEqual() {
        RequestCounter a = new RequestCounter(0, List.of(3L, 1L, 2L, 1L));
        RequestCounter b = new RequestCounter(0, List.of(1L, 2L, 3L));
        assertThat(a).isEqualTo(b);
        assertThat(a.count()).isEqualTo(3);
    }

    @Test
    void hashIsStable() {
        // Stored in Cassandra: must never change between versions.
        assertThat(RequestCounter.hash("3f6a1c1e-0000-4000-8000-000000000001"))
                .isEqualTo(RequestCounter.hash("3f6a1c1e-0000-4000-8000-000000000001"));
        assertThat(RequestCounter.hash("a")).isEqualTo(0xca978112ca1bbdcaL);
    }
}
