package dev.stride.samza.progress;

import dev.stride.samza.runtime.StandaloneJob;
import org.apache.samza.config.MapConfig;
import org.apache.samza.config.TaskConfig;

import java.util.Map;

/**
 * Runs the progress aggregator as one standalone process: {@code java -cp ... ProgressAggregatorMain [key=value...]}
 * (see {@link StandaloneJob} for more processes and SIGTERM).
 */
public final class ProgressAggregatorMain {

    public static final String CONFIG = "progress-aggregator.properties";

    private ProgressAggregatorMain() {
    }

    public static void main(String[] args) {
        Map<String, String> config = JobProperties.load(CONFIG, System.getenv(), args);
        MapConfig loaded = new MapConfig(config);
        AggregatorConfig.checkSamzaCommitSettings(loaded);
        AggregatorConfig aggregator = AggregatorConfig.from(loaded);
        config.put(TaskConfig.BROADCAST_INPUT_STREAMS,
                TopicSetup.prepare(config.get("systems.kafka.producer.bootstrap.servers"), aggregator));
        StandaloneJob.run("progress aggregator", new ProgressAggregatorApp(), config, ProgressAggregatorTask::requestStop);
    }
}
