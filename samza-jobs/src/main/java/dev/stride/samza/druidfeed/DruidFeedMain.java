package dev.stride.samza.druidfeed;

import dev.stride.samza.progress.JobProperties;
import dev.stride.samza.runtime.StandaloneJob;
import org.apache.samza.config.MapConfig;
import org.apache.samza.config.TaskConfig;

import java.util.Map;

/**
 * Runs the Druid feed as one standalone process: {@code java -cp ... DruidFeedMain [key=value...]} (see
 * {@link StandaloneJob} for more processes and SIGTERM).
 */
public final class DruidFeedMain {

    public static final String CONFIG = "druid-feed.properties";

    private DruidFeedMain() {
    }

    public static void main(String[] args) {
        Map<String, String> config = JobProperties.load(CONFIG, System.getenv(), args);
        DruidFeedConfig feed = DruidFeedConfig.from(new MapConfig(config));
        config.put(TaskConfig.BROADCAST_INPUT_STREAMS,
                FeedTopics.prepare(config.get("systems.kafka.producer.bootstrap.servers"), feed));
        StandaloneJob.run("Druid feed", new DruidFeedApp(), config, DruidFeedTask::requestStop);
    }
}
