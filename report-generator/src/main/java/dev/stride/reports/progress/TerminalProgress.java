package dev.stride.reports.progress;

import dev.stride.reports.dataset.ReportProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.temporal.ChronoUnit;

/** A progress bar on the terminal (me.tongfei progressbar): rows, rows/s and, once the total is known, the ETA. */
public final class TerminalProgress extends ReportProgress.Counting implements AutoCloseable {

    private final ProgressBar bar;

    public TerminalProgress(String label) {
        this.bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(-1).setUnit(" rows", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS).continuousUpdate().setMaxRenderedLength(120).build();
    }

    @Override
    public void expect(long rows) {
        bar.maxHint(rows);
    }

    @Override
    public void rows(long delta) {
        super.rows(delta);
        bar.stepBy(delta);
    }

    @Override
    public void close() {
        bar.close();
    }
}
