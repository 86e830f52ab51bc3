package dev.stride.reports;

import dev.stride.reports.cli.NightlyCommand;
import dev.stride.reports.cli.RunCommand;
import dev.stride.reports.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code report-generator serve | run}: Stride's batch and group reports as streamed CSV files. */
@Command(name = "report-generator", mixinStandardHelpOptions = true, subcommands = {ServeCommand.class, RunCommand.class, NightlyCommand.class},
        description = "Batch and group reports (CSV) from Cassandra into the report store: on request, nightly, or once.")
public final class ReportGeneratorMain implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new ReportGeneratorMain()).execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
