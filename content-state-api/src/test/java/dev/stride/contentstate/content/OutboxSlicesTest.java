package dev.stride.contentstate.content;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxSlicesTest {

    private static final Instant MINUTE = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void aWindowIsCutIntoContiguousSlicesThatNeverCrossAMinutePartition() {
        Instant from = MINUTE.minusMillis(2_500);
        Instant to = MINUTE.plusMillis(1_200);

        List<OutboxRepository.Slice> slices = OutboxRepository.slices(from, to, Duration.ofSeconds(1));

        long before = MINUTE.getEpochSecond() / 60 - 1;
        assertThat(slices).containsExactly(
                new OutboxRepository.Slice(before, from, MINUTE.minusMillis(1_500)),
                new OutboxRepository.Slice(before, MINUTE.minusMillis(1_500), MINUTE.minusMillis(500)),
                new OutboxRepository.Slice(before, MINUTE.minusMillis(500), MINUTE),
                new OutboxRepository.Slice(before + 1, MINUTE, MINUTE.plusSeconds(1)),
                new OutboxRepository.Slice(before + 1, MINUTE.plusSeconds(1), to));
    }

    @Test
    void aTwentySecondWindowIsTwentyOneSecondSlices() {
        Instant from = MINUTE.plusSeconds(10);

        List<OutboxRepository.Slice> slices = OutboxRepository.slices(from, from.plusSeconds(20), Duration.ofSeconds(1));

        assertThat(slices).hasSize(20).allSatisfy(s -> assertThat(Duration.between(s.from(), s.to())).isEqualTo(Duration.ofSeconds(1)));
        assertThat(slices.get(19).to()).isEqualTo(from.plusSeconds(20));
    }

    @Test
    void anEmptyWindowHasNoSlicesAndASliceMustBePositive() {
        assertThat(OutboxRepository.slices(MINUTE, MINUTE, Duration.ofSeconds(1))).isEmpty();
        assertThat(OutboxRepository.slices(MINUTE, MINUTE.minusSeconds(1), Duration.ofSeconds(1))).isEmpty();
        assertThatThrownBy(() -> OutboxRepository.slices(MINUTE, MINUTE.plusSeconds(1), Duration.ZERO))
                .hasMessageContaining("stride.outbox.relay-slice");
    }
}
