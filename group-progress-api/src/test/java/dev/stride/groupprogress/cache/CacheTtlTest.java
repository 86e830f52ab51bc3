package dev.stride.groupprogress.cache;

import dev.stride.api.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheTtlTest {

    @Test
    void acceptsWholeSecondsUpToADay() {
        assertThat(CacheTtl.parse("PT60S")).isEqualTo(Duration.ofSeconds(60));
        assertThat(CacheTtl.parse(" PT1S ")).isEqualTo(Duration.ofSeconds(1));
        assertThat(CacheTtl.parse("PT24H")).isEqualTo(Duration.ofDays(1));
        assertThat(CacheTtl.parse("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void refusesAbsurdValuesNamingTtl() {
        for (String bad : new String[]{"PT0S", "-PT1S", "PT24H0.001S", "P2D", "PT0.5S", "60", "", null}) {
            assertThatThrownBy(() -> CacheTtl.parse(bad)).as(bad).isInstanceOf(ApiException.class).hasMessageStartingWith("ttl ");
        }
    }
}
