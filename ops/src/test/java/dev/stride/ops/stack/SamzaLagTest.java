package dev.stride.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Parsing Samza 1.8's Kafka checkpoint messages (shapes copied from a running aggregator's checkpoint topic). */
class SamzaLagTest {

  private static final String GROUPER = "\"systemstreampartition-grouper-factory\":\"org.apache.samza.container.grouper.stream.GroupByPartitionFactory\"";

  @Test
  void v2CheckpointsGiveInputOffsetsByTopicAndPartition() {
    String key = "{" + GROUPER + ",\"taskName\":\"Partition 1\",\"type\":\"checkpoint-v2\"}";
    String value = "{\"checkpoint-id\":\"1795335311115-940187\",\"input-offsets\":{\"kafka.stride.course-structure.2\":\"97\","
        + "\"kafka.stride.content-state.1\":\"53941\"},\"state-checkpoint-markers\":{}}";
    assertThat(SamzaLag.parse(key, value)).containsOnly(
        org.assertj.core.api.Assertions.entry(new TopicPartition("stride.course-structure", 2), 97L),
        org.assertj.core.api.Assertions.entry(new TopicPartition("stride.content-state", 1), 53941L));
  }

  @Test
  void v1CheckpointsSkipTheStoresChangelogPositions() {
    String key = "{" + GROUPER + ",\"taskName\":\"Partition 0\",\"type\":\"checkpoint\"}";
    String value = "{\"SystemStreamPartition [kafka, stride.content-state, 0]\":{\"system\":\"kafka\",\"partition\":\"0\","
        + "\"offset\":\"55409\",\"stream\":\"stride.content-state\"},"
        + "\"SystemStreamPartition [kafka, stride-progress-aggregator-1-table-enrolment-state, 0]\":{\"system\":\"kafka\","
        + "\"partition\":\"0\",\"offset\":\"1795335311147-416664:31966\",\"stream\":\"stride-progress-aggregator-1-table-enrolment-state\"}}";
    assertThat(SamzaLag.parse(key, value)).containsOnlyKeys(new TopicPartition("stride.content-state", 0))
        .containsEntry(new TopicPartition("stride.content-state", 0), 55409L);
  }

  @Test
  void otherMessageTypesGiveNothing() {
    assertThat(SamzaLag.parse("{\"type\":\"set-changelog\",\"taskName\":\"Partition 0\"}", "{\"x\":{}}")).isEmpty();
  }

  @Test
  void processesBeyondTheFirstAreNamedByIndex() {
    assertThat(new SamzaAggregatorServer().name()).isEqualTo("aggregator");
    assertThat(SamzaAggregatorServer.extra(3)).extracting(Server::name).containsExactly("aggregator-2", "aggregator-3");
    assertThat(SamzaAggregatorServer.extra(1)).isEmpty();
  }
}
