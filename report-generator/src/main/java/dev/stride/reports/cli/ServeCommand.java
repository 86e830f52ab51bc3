package dev.stride.reports.cli;

import dev.stride.reports.jobs.JobRequestsTable;
import dev.stride.reports.jobs.JobTransitions;
import dev.stride.reports.jobs.JobWorker;
import dev.stride.reports.nightly.NightlyClaims;
import dev.stride.reports.nightly.NightlyReports;
import dev.stride.reports.nightly.NightlySchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code report-generator serve}: the long-lived generator. Polls the job queue every few seconds and runs requested
 * reports one at a time; on the cron schedule writes the nightly reports on a second thread. SIGTERM: no new work,
 * the running job gets a grace period to finish, then is released back to SUBMITTED; the process exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Long-lived: runs requested reports from the job queue and the nightly reports on a cron schedule.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    GeneratorOptions options;

    @Option(names = "--poll", defaultValue = "${env:STRIDE_REPORTS_POLL:-PT3S}",
            description = "How often the job queue is read when idle (ISO-8601; default ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--nightly-cron", defaultValue = "${env:STRIDE_REPORTS_CRON:-" + NightlySchedule.DEFAULT_CRON + "}",
            description = "5-field cron of the nightly reports, in --zone (env STRIDE_REPORTS_CRON; default '${DEFAULT-VALUE}'); 'off' disables them.")
    String nightlyCron;

    @Option(names = "--claim-timeout", defaultValue = "PT30M",
            description = "A PROCESSING job without a heartbeat for this long is taken back (default ${DEFAULT-VALUE}).")
    Duration claimTimeout;

    @Option(names = "--max-attempts", defaultValue = "3", description = "Attempts per request (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--stop-grace", defaultValue = "PT20S",
            description = "On SIGTERM, how long a running job may go on before it is released (default ${DEFAULT-VALUE}).")
    Duration stopGrace;

    @Option(names = "--instance", description = "This generator's name in claimed_by (default host:pid:random).")
    String instance;

    @Override
    public Integer call() throws Exception {
        String me = instance != null ? instance : ManagementFactory.getRuntimeMXBean().getName() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        Generator generator = Generator.open(options);
        ZoneId zone = generator.zone();
        JobWorker worker = new JobWorker(new JobRequestsTable(generator.session()), new JobTransitions(maxAttempts, claimTimeout),
                generator.datasets(), generator.writer(), me, generator.clock(), zone);
        NightlySchedule schedule = "off".equalsIgnoreCase(nightlyCron) ? null : new NightlySchedule(nightlyCron, zone);
        NightlyReports nightly = new NightlyReports(generator.session(), generator.datasets(), generator.writer(),
                NightlyClaims.inCassandra(generator.session(), me, generator.clock()));
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);

        Thread jobs = new Thread(() -> jobLoop(worker, stopping), "report-jobs");
        Thread night = schedule == null ? null : new Thread(() -> nightlyLoop(schedule, nightly, worker, stopping), "report-nightly");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stop requested: no new work; a running job has {} s to finish", stopGrace.toSeconds());
            worker.stop();
            // wakes an idle poll; never interrupt the job thread: an interrupted read or file write would fail the report
            stopping.countDown();
            try {
                jobs.join(stopGrace.toMillis());
                if (jobs.isAlive()) {
                    LOG.info("grace period over: releasing the running job");
                    worker.cancelRunning();
                    jobs.join(10_000);
                }
                if (night != null) {
                    night.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean clean = !jobs.isAlive();
            worker.close();
            generator.close();
            LOG.info("report-generator {} stopped{}", me, clean ? "" : " (the job thread did not end)");
            stopped.countDown();
            Runtime.getRuntime().halt(clean ? 0 : 1); // a JVM ended by SIGTERM exits 143 otherwise: report the outcome
        }, "report-generator-stop"));

        LOG.info("report-generator {} serving: datasets {}, store {}, poll {}, nightly {}, claim timeout {}", me,
                generator.datasets().names(), generator.store().root(), poll, schedule == null ? "off" : schedule, claimTimeout);
        jobs.start();
        if (night != null) {
            night.start();
        }
        stopped.await();
        return 0;
    }

    private void jobLoop(JobWorker worker, CountDownLatch stopping) {
        while (!worker.stopping()) {
            boolean ran = false;
            try {
                ran = worker.pollOnce();
            } catch (RuntimeException | Error e) { // an Error too: a dead loop in a live process would take no more jobs
                if (worker.stopping()) {
                    break;
                }
                LOG.warn("job queue poll failed: {}", e.toString(), e);
            }
            if (!ran) {
                try {
                    stopping.await(poll.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void nightlyLoop(NightlySchedule schedule, NightlyReports nightly, JobWorker worker, CountDownLatch stopping) {
        while (!worker.stopping()) {
            ZonedDateTime next = schedule.next(ZonedDateTime.now(schedule.zone()));
            LOG.info("next nightly reports at {}", next);
            try {
                long wait = Duration.between(ZonedDateTime.now(schedule.zone()), next).toMillis();
                if (wait > 0 && stopping.await(wait, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            runNight(nightly, next.toLocalDate(), worker);
            // once more after the claims' lease: reports whose claimer died mid-report are written now
            try {
                if (stopping.await(NightlyClaims.LEASE.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            runNight(nightly, next.toLocalDate(), worker);
        }
    }

    private static void runNight(NightlyReports nightly, java.time.LocalDate date, JobWorker worker) {
        try {
            nightly.run(date, worker::stopping);
        } catch (RuntimeException e) {
            LOG.warn("nightly reports failed: {}", e.toString());
        }
    }
}
