package dev.stride.samza.progress;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class CassandraProgressSinkTest {

    @Test
    void writeTimesStrictlyIncreaseAndFollowTheClock() {
        long before = System.currentTimeMillis() * 1000;
        long[] times = LongStream.range(0, 10_000).map(i -> CassandraProgressSink.nextMicros()).toArray();
        for (int i = 1; i < times.length; i++) {
            assertThat(times[i]).isGreaterThan(times[i - 1]); // a later flush of an enrolment always wins
        }
        assertThat(times[0]).isGreaterThanOrEqualTo(before);
        assertThat(times[times.length - 1]).isLessThan(System.currentTimeMillis() * 1000 + 1_000_000);
    }
}
