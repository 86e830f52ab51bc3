package dev.stride.samza.progress;

import org.apache.samza.config.MapConfig;
import org.apache.samza.config.TaskConfig;
import org.apache.samza.job.ApplicationStatus;
import org.apache.samza.runtime.ApplicationRunner;
import org.apache.samza.runtime.ApplicationRunners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * Runs the progress aggregator as one standalone process: {@code java -cp ... ProgressAggregatorMain [key=value...]}.
 * Start as many as wanted with the same app.name/app.id: ZooKeeper shares the partitions among them. SIGTERM makes
 * every task commit once more and stop; the exit code is then 0 after a clean stop, 1 otherwise.
 */
public final class ProgressAggregatorMain {

    public static final String CONFIG = "progress-aggregator.properties";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ProgressAggregatorMain.class);

    private ProgressAggregatorMain() {
    }

    public static void main(String[] args) {
        Map<String, String> config = JobProperties.load(CONFIG, System.getenv(), args);
        AggregatorConfig aggregator = AggregatorConfig.from(new MapConfig(config));
        config.put(TaskConfig.BROADCAST_INPUT_STREAMS,
                TopicSetup.prepare(config.get("systems.kafka.producer.bootstrap.servers"), aggregator));

        ApplicationRunner runner = ApplicationRunners.getApplicationRunner(new ProgressAggregatorApp(), new MapConfig(config));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stop requested: final commit, then stop");
            ProgressAggregatorTask.requestStop();
            boolean clean = runner.waitForFinish(STOP_GRACE)
                    && runner.status().getStatusCode() == ApplicationStatus.StatusCode.SuccessfulFinish;
            if (!clean) {
                LOG.warn("no clean stop within {} s: killing", STOP_GRACE.toSeconds());
                runner.kill();
                runner.waitForFinish(STOP_GRACE);
            }
            LOG.info("stopped {}", clean ? "cleanly after a final commit" : "without a final commit");
            Runtime.getRuntime().halt(clean ? 0 : 1); // a JVM ended by SIGTERM exits 143 otherwise: report the outcome
        }, "stride-aggregator-stop"));
        runner.run();
        runner.waitForFinish();
        ApplicationStatus status = runner.status();
        LOG.info("progress aggregator finished: {}", status);
        if (status.getStatusCode() == ApplicationStatus.StatusCode.UnsuccessfulFinish) {
            LOG.error("progress aggregator failed", status.getThrowable());
            Runtime.getRuntime().halt(1); // not exit(): the shutdown hook would wait on a runner that already ended
        }
    }
}
