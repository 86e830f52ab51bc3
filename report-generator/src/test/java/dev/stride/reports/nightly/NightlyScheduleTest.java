package dev.stride.reports.nightly;

import dev.stride.reports.cassandra.Batches.Batch;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NightlyScheduleTest {

    @Test
    void theDefaultRunsAtTwoInTheMorningOfTheConfiguredZone() {
        NightlySchedule s = new NightlySchedule(NightlySchedule.DEFAULT_CRON, ZoneId.of("Asia/Kolkata"));
        ZonedDateTime next = s.next(ZonedDateTime.parse("2026-03-01T10:00:00+05:30[Asia/Kolkata]"));
        assertThat(next).isEqualTo(ZonedDateTime.parse("2026-03-02T02:00:00+05:30[Asia/Kolkata]"));
        assertThat(s.next(next)).isEqualTo(ZonedDateTime.parse("2026-03-03T02:00:00+05:30[Asia/Kolkata]"));
    }

    @Test
    void anyCronExpressionWorksAndABadOneIsRefusedWithTheRule() {
        NightlySchedule s = new NightlySchedule("*/15 * * * *", ZoneId.of("UTC"));
        assertThat(s.next(ZonedDateTime.parse("2026-03-01T10:07:00Z[UTC]"))).isEqualTo(ZonedDateTime.parse("2026-03-01T10:15:00Z[UTC]"));
        assertThatThrownBy(() -> new NightlySchedule("every night", ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5-field Unix cron");
    }

    @Test
    void aBatchIsReportedFromItsStartUntilTheDayAfterItsEnd() {
        LocalDate d = LocalDate.of(2026, 3, 10);
        assertThat(new Batch("t", "b", "c", "n", d, null).activeOn(d)).isTrue();
        assertThat(new Batch("t", "b", "c", "n", d.plusDays(1), null).activeOn(d)).isFalse();
        assertThat(new Batch("t", "b", "c", "n", d.minusDays(9), d.minusDays(1)).activeOn(d)).isTrue();
        assertThat(new Batch("t", "b", "c", "n", d.minusDays(9), d.minusDays(2)).activeOn(d)).isFalse();
    }
}
