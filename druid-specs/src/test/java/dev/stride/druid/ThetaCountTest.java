package dev.stride.druid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThetaCountTest {

    @Test
    void equalBoundsAreAnExactCount() {
        assertThat(ThetaCount.parse("{\"estimate\":33334.0,\"highBound\":33334.0,\"lowBound\":33334.0,\"numStdDev\":1}"))
                .isEqualTo(new ThetaCount(33_334, true));
    }

    @Test
    void differingBoundsAreAnEstimate() {
        // what a 65,536-entry sketch says of ~100,000 distinct ids: a sample, not every id
        assertThat(ThetaCount.parse("{\"estimate\":100231.4,\"highBound\":100624.9,\"lowBound\":99839.1,\"numStdDev\":1}"))
                .isEqualTo(new ThetaCount(100_231, false));
    }

    @Test
    void noSketchIsAnExactZero() {
        assertThat(ThetaCount.parse(null)).isEqualTo(new ThetaCount(0, true));
        assertThat(ThetaCount.parse("{\"estimate\":0.0,\"highBound\":0.0,\"lowBound\":0.0,\"numStdDev\":1}"))
                .isEqualTo(new ThetaCount(0, true));
    }

    @Test
    void otherTextIsRefused() {
        assertThatThrownBy(() -> ThetaCount.parse("12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
    }
}
