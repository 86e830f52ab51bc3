package dev.stride.reports.cli;

import dev.stride.core.ids.Ids;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.progress.ProgressDisplays;
import dev.stride.reports.publish.ReportSummary;
import dev.stride.reports.publish.ReportWriter;
import dev.stride.reports.store.ReportPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code report-generator run --dataset progress-exhaust --batch B --tenant T [--out file.csv]}: one report now. Without
 * {@code --out} it is published into the store as that day's nightly file (with its report_files row).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Writes one report now: to --out, or into the report store as today's file.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    GeneratorOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, description = "progress-exhaust, response-exhaust, group-progress, ...")
    String dataset;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--batch", description = "batchId (progress-exhaust, response-exhaust).")
    String batch;

    @Option(names = "--group", description = "groupId (group-progress).")
    String group;

    @Option(names = "--course", description = "courseId (course-summary).")
    String course;

    @Option(names = "--out", description = "Write to this file instead of the store (no report_files row).")
    Path out;

    @Option(names = "--date", description = "Report date of the store file (yyyy-MM-dd; default today in --zone).")
    LocalDate date;

    @Option(names = "--progress", defaultValue = "auto", description = "bar, log or auto (bar on a terminal; default ${DEFAULT-VALUE}).")
    String progressMode;

    @Override
    public Integer call() throws Exception {
        Ids.check("tenant", tenant).ifPresent(e -> {
            throw new ParameterException(spec.commandLine(), "--tenant " + e.rule());
        });
        Map<String, String> config = new LinkedHashMap<>();
        put(config, "batchId", batch, "--batch");
        put(config, "groupId", group, "--group");
        put(config, "courseId", course, "--course");
        try (Generator generator = Generator.open(options)) {
            Dataset ds = generator.datasets().require(dataset);
            ReportRequest request = new ReportRequest(tenant, config);
            String subject = request.require(ds.subjectKey(), ds.name());
            boolean bar = "bar".equals(progressMode) || ("auto".equals(progressMode) && ProgressDisplays.stdoutIsTerminal());
            ReportProgress.Counting progress = ProgressDisplays.forLabel(ds.name() + " " + subject, bar);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> { // SIGTERM / Ctrl-C: stop at the next page, discard the temporary file
                progress.cancel();
                try {
                    main.join(20_000);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "report-run-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            ReportSummary summary;
            try {
                if (out != null) {
                    generator.writer().expectFromLastReport(ds, request, progress);
                    summary = ReportWriter.toFile(ds, request, out, progress);
                } else {
                    LocalDate day = date != null ? date : LocalDate.now(generator.clock().withZone(generator.zone()));
                    boolean perGroup = "groupId".equals(ds.subjectKey());
                    String path = perGroup ? ReportPaths.nightlyGroup(tenant, ds.name(), subject, day)
                            : ReportPaths.nightlyBatch(tenant, ds.name(), subject, day);
                    summary = generator.writer().publish(ds, request,
                            new ReportWriter.Target(path, ds.name() + ":" + subject, day, null), progress);
                }
            } finally {
                ProgressDisplays.close(progress);
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            System.out.println(summary.line());
            return 0;
        } catch (ReportException e) {
            System.err.println("report-generator: " + e.getMessage());
            return e.permanent() ? 2 : 1;
        } catch (java.util.concurrent.CancellationException e) {
            System.err.println("report-generator: stopped; nothing was published");
            return 130;
        }
    }

    private void put(Map<String, String> config, String key, String value, String option) {
        if (value == null) {
            return;
        }
        Ids.check(key, value).ifPresent(e -> {
            throw new ParameterException(spec.commandLine(), option + " " + e.rule() + ": " + value);
        });
        config.put(key, value);
    }
}
