package dev.stride.reports.cli;

import dev.stride.reports.nightly.NightlyReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code report-generator nightly [--date yyyy-MM-dd]}: the nightly run once, now (a missed night, a re-run). */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Writes every active batch's and every group's report for a date once, now (idempotent per date).")
public final class NightlyCommand implements Callable<Integer> {

    @Mixin
    GeneratorOptions options;

    @Option(names = "--date", description = "Report date (yyyy-MM-dd; default today in --zone).")
    LocalDate date;

    @Override
    public Integer call() {
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true), "report-nightly-stop"); // SIGTERM: stop between reports
        Runtime.getRuntime().addShutdownHook(hook);
        try (Generator generator = Generator.open(options)) {
            LocalDate day = date != null ? date : LocalDate.now(generator.clock().withZone(generator.zone()));
            NightlyReports.Outcome o = new NightlyReports(generator.session(), generator.datasets(), generator.writer())
                    .run(day, stop::get);
            System.out.printf("nightly %s: %d batch reports, %d group reports, %d inactive batches skipped, %d failures, %d rows%n",
                    o.date(), o.batchReports(), o.groupReports(), o.skippedBatches(), o.failures(), o.rows());
            return o.failures() == 0 ? 0 : 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }
}
