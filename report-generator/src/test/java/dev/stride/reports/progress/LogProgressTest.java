package dev.stride.reports.progress;

import dev.stride.reports.dataset.ReportProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogProgressTest {

    @Test
    void aLineHasRowsRateAndWhenTheTotalIsKnownPercentAndEta() {
        assertThat(LogProgress.line(100_000, -1, 2.0)).isEqualTo("100000 rows, 50000 rows/s");
        assertThat(LogProgress.line(100_000, 1_000_000, 2.0)).isEqualTo("100000 rows, 50000 rows/s, 10%, ETA 18 s");
    }

    @Test
    void aCancelledReportStopsAtItsNextRows() {
        ReportProgress.Counting p = new LogProgress("x", Duration.ofHours(1));
        p.rows(5);
        p.cancel();
        assertThatThrownBy(() -> p.rows(1)).isInstanceOf(CancellationException.class);
        assertThat(p.total()).isEqualTo(5);
    }
}
