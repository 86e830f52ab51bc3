package dev.stride.samza.progress;

import dev.stride.samza.runtime.JobTopics;
import org.apache.samza.config.MapConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobPropertiesTest {

    @Test
    void environmentOverridesTheFileAndArgumentsOverrideBoth() {
        Map<String, String> c = JobProperties.load(ProgressAggregatorMain.CONFIG,
                Map.of("STRIDE_KAFKA", "k1:9092", "STRIDE_KEYSPACE", "ks_env", "STRIDE_SAMZA_STATE_DIR", "/s"),
                new String[] {"stride.cassandra.keyspace=ks_arg", "app.id=7"});

        assertThat(c).containsEntry("systems.kafka.consumer.bootstrap.servers", "k1:9092")
                .containsEntry("systems.kafka.producer.bootstrap.servers", "k1:9092")
                .containsEntry("stride.cassandra.keyspace", "ks_arg")
                .containsEntry("job.logged.store.base.dir", "/s")
                .containsEntry("app.id", "7")
                .containsEntry("job.coordinator.factory", "org.apache.samza.zk.ZkJobCoordinatorFactory")
                .containsEntry("task.transactional.state.restore.enabled", "true");
    }

    @Test
    void refusesAnArgumentThatIsNotKeyValue() {
        assertThatThrownBy(() -> JobProperties.load(ProgressAggregatorMain.CONFIG, Map.of(), new String[] {"oops"}))
                .hasMessageContaining("'oops' is not key=value");
    }

    @Test
    void broadcastsEveryPartitionOfTheTreeTopic() {
        assertThat(JobTopics.broadcastInputs("kafka", "stride.course-structure", 3))
                .isEqualTo("kafka.stride.course-structure#[0-2]");
        assertThat(JobTopics.broadcastInputs("kafka", "t", 1)).isEqualTo("kafka.t#0");
    }

    @Test
    void theShippedConfigLeavesCommitsToTheTask() {
        Map<String, String> c = JobProperties.load(ProgressAggregatorMain.CONFIG, Map.of(), new String[0]);

        AggregatorConfig.checkSamzaCommitSettings(new MapConfig(c)); // does not throw
        assertThat(AggregatorConfig.from(new MapConfig(c)).commitMillis()).isPositive();
    }

    @Test
    void refusesSamzasCommitTimer() {
        // Samza's own commits flush the stores' caches after the producer: their state writes can miss the checkpoint
        Map<String, String> c = JobProperties.load(ProgressAggregatorMain.CONFIG, Map.of(),
                new String[] {"task.commit.ms=5000"});
        assertThatThrownBy(() -> AggregatorConfig.checkSamzaCommitSettings(new MapConfig(c)))
                .hasMessageContaining("task.commit.ms must be -1");
        assertThatThrownBy(() -> AggregatorConfig.checkSamzaCommitSettings(new MapConfig(Map.of())))
                .hasMessageContaining("task.commit.ms must be -1"); // Samza's default is 60 s
    }

    @Test
    void refusesACommitThatSkipsWhileTheLastOneWrites() {
        // the stop's second commit must wait for the first one's checkpoint, or the pool's shutdown can refuse it
        Map<String, String> c = JobProperties.load(ProgressAggregatorMain.CONFIG, Map.of(),
                new String[] {"task.commit.max.delay.ms=60000"});
        assertThatThrownBy(() -> AggregatorConfig.checkSamzaCommitSettings(new MapConfig(c)))
                .hasMessageContaining("task.commit.max.delay.ms must be 0");
        Map<String, String> unset = new HashMap<>(c);
        unset.remove("task.commit.max.delay.ms");
        assertThatThrownBy(() -> AggregatorConfig.checkSamzaCommitSettings(new MapConfig(unset)))
                .hasMessageContaining("task.commit.max.delay.ms must be 0"); // Samza's default is 60 s
    }
}
