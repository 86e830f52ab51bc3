package dev.stride.samza.druidfeed;

import dev.stride.samza.progress.JobProperties;
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
 * Runs the Druid feed as one standalone process: {@code java -cp ... DruidFeedMain [key=value...]}. More processes
 * with the same app.name/app.id share the partitions (ZooKeeper). SIGTERM makes every task commit once more and stop.
 */
public final class DruidFeedMain {

    public static final String CONFIG = "druid-feed.properties";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DruidFeedMain.class);

    private DruidFeedMain() {
    }

    public static void main(String[] args) {
        Map<String, String> config = JobProperties.load(CONFIG, System.getenv(), args);
        DruidFeedConfig feed = DruidFeedConfig.from(new MapConfig(config));
        config.put(TaskConfig.BROADCAST_INPUT_STREAMS,
                FeedTopics.prepare(config.get("systems.kafka.producer.bootstrap.servers"), feed));

        ApplicationRunner runner = ApplicationRunners.getApplicationRunner(new DruidFeedApp(), new MapConfig(config));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stop requested: final commit, then stop");
            DruidFeedTask.requestStop();
            boolean clean = runner.waitForFinish(STOP_GRACE)
                    && runner.status().getStatusCode() == ApplicationStatus.StatusCode.SuccessfulFinish;
            if (!clean) {
                LOG.warn("no clean stop within {} s: killing", STOP_GRACE.toSeconds());
                runner.kill();
                runner.waitForFinish(STOP_GRACE);
            }
            Runtime.getRuntime().halt(clean ? 0 : 1);
        }, "stride-druid-feed-stop"));
        runner.run();
        runner.waitForFinish();
        ApplicationStatus status = runner.status();
        LOG.info("Druid feed finished: {}", status);
        if (status.getStatusCode() == ApplicationStatus.StatusCode.UnsuccessfulFinish) {
            LOG.error("Druid feed failed", status.getThrowable());
            Runtime.getRuntime().halt(1);
        }
    }
}
