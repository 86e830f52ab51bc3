package dev.stride.samza.runtime;

import org.apache.samza.application.SamzaApplication;
import org.apache.samza.config.MapConfig;
import org.apache.samza.job.ApplicationStatus;
import org.apache.samza.runtime.ApplicationRunner;
import org.apache.samza.runtime.ApplicationRunners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * Runs one Samza application as a standalone process until it ends. Start as many as wanted with the same
 * app.name/app.id: ZooKeeper shares the partitions among them. SIGTERM calls {@code requestStop} (every task
 * commits once more and stops); the exit code is then 0 after a clean stop, 1 otherwise.
 */
public final class StandaloneJob {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneJob.class);

    private StandaloneJob() {
    }

    public static void run(String name, SamzaApplication<?> app, Map<String, String> config, Runnable requestStop) {
        ApplicationRunner runner = ApplicationRunners.getApplicationRunner(app, new MapConfig(config));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{}: stop requested: final commit, then stop", name);
            requestStop.run();
            boolean clean = runner.waitForFinish(STOP_GRACE)
                    && runner.status().getStatusCode() == ApplicationStatus.StatusCode.SuccessfulFinish;
            if (!clean) {
                LOG.warn("{}: no clean stop within {} s: killing", name, STOP_GRACE.toSeconds());
                runner.kill();
                runner.waitForFinish(STOP_GRACE);
            }
            LOG.info("{} stopped {}", name, clean ? "cleanly after a final commit" : "without a final commit");
            Runtime.getRuntime().halt(clean ? 0 : 1); // a JVM ended by SIGTERM exits 143 otherwise: report the outcome
        }, "stride-" + name + "-stop"));
        runner.run();
        runner.waitForFinish();
        ApplicationStatus status = runner.status();
        LOG.info("{} finished: {}", name, status);
        if (status.getStatusCode() == ApplicationStatus.StatusCode.UnsuccessfulFinish) {
            LOG.error("{} failed", name, status.getThrowable());
            Runtime.getRuntime().halt(1); // not exit(): the shutdown hook would wait on a runner that already ended
        }
    }
}
