package dev.stride.ops.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Consumer lag of a Samza job that checkpoints to Kafka (Samza 1.8 standalone, KafkaCheckpointManagerFactory): the
 * checkpoint topic {@code __samza_checkpoint_ver_1_for_<app.name>_<app.id>} holds, per task, the offset of the last
 * input message processed by the last commit; lag = Σ over input partitions of (log-end offset − checkpointed offset
 * − 1). Read from the checkpoint topic rather than JMX: it needs no port per process, works with any number of
 * processes and after they stopped, and is exactly where a restart resumes. It counts input processed since the last
 * commit too (up to a commit interval of it), so an idle caught-up job shows 0 and a busy one at least that window.
 */
public final class SamzaLag {

  /** A job stride runs: its service name (first process) and Samza app name and id. */
  public record Job(String service, String app, String appId) {
    String checkpointTopic() {
      return "__samza_checkpoint_ver_1_for_" + app + "_" + appId;
    }
  }

  /** One job's lag: total and per input topic; empty totals when the job never committed. */
  public record Lag(Job job, Optional<Long> total, Map<String, Long> byTopic, String note) {}

  public static final List<Job> JOBS = List.of(
      new Job("aggregator", SamzaAggregatorServer.APP, SamzaAggregatorServer.APP_ID),
      new Job("druid-feed", "stride-druid-feed", "1"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private SamzaLag() {}

  /** The lag of each job that has a checkpoint topic. */
  public static List<Lag> all(StackConfig config) {
    Map<String, Object> props = Map.of("bootstrap.servers", config.kafkaBootstrap(), "request.timeout.ms", 5000,
        "default.api.timeout.ms", 5000, "enable.auto.commit", "false");
    List<Lag> out = new ArrayList<>();
    try (AdminClient admin = AdminClient.create(props);
         KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      var topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names()
          .get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      for (Job job : JOBS) {
        if (topics.contains(job.checkpointTopic())) {
          out.add(lag(consumer, job));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot read Samza checkpoints from Kafka at " + config.kafkaBootstrap() + ": " + e, e);
    }
    return out;
  }

  static Lag lag(KafkaConsumer<String, String> consumer, Job job) {
    Map<TopicPartition, Long> checkpointed = checkpoints(consumer, job.checkpointTopic());
    if (checkpointed.isEmpty()) {
      return new Lag(job, Optional.empty(), Map.of(), "no checkpoint yet");
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(checkpointed.keySet(), TIMEOUT);
    Map<String, Long> byTopic = new HashMap<>();
    long total = 0;
    for (var e : checkpointed.entrySet()) {
      long lag = Math.max(0, ends.get(e.getKey()) - e.getValue() - 1);
      byTopic.merge(e.getKey().topic(), lag, Long::sum);
      total += lag;
    }
    return new Lag(job, Optional.of(total), byTopic, "");
  }

  /**
   * The latest checkpointed offset of every input partition, over every task (the smallest one for a broadcast input
   * that every task reads). Reads the checkpoint topic from start to end: it is compacted and small.
   */
  static Map<TopicPartition, Long> checkpoints(KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
        .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
    Map<String, String> latest = new HashMap<>(); // checkpoint key (type + task) → its last value
    Instant deadline = Instant.now().plusSeconds(10);
    while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        latest.put(r.key(), r.value());
      }
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    latest.forEach((key, value) -> {
      if (value != null) {
        parse(key, value).forEach((tp, offset) -> out.merge(tp, offset, Math::min));
      }
    });
    return out;
  }

  /**
   * Input offsets of one checkpoint message: type "checkpoint-v2" lists them as {@code input-offsets}
   * ("system.stream.partition" → offset); type "checkpoint" (v1) maps "SystemStreamPartition [...]" → {stream,
   * partition, offset} and includes the stores' changelog positions, which are not numeric offsets and not inputs.
   */
  static Map<TopicPartition, Long> parse(String key, String value) {
    Map<TopicPartition, Long> out = new HashMap<>();
    JsonNode k = JSON.readTree(key);
    JsonNode v = JSON.readTree(value);
    String type = k.path("type").asString("");
    if ("checkpoint-v2".equals(type)) {
      v.path("input-offsets").properties().forEach(e -> {
        String ssp = e.getKey();
        int lastDot = ssp.lastIndexOf('.');
        int firstDot = ssp.indexOf('.');
        String offset = e.getValue().asString("");
        if (firstDot > 0 && lastDot > firstDot && offset.matches("\\d+")) {
          out.put(new TopicPartition(ssp.substring(firstDot + 1, lastDot), Integer.parseInt(ssp.substring(lastDot + 1))),
              Long.parseLong(offset));
        }
      });
    } else if ("checkpoint".equals(type)) {
      v.properties().forEach(e -> {
        JsonNode ssp = e.getValue();
        String stream = ssp.path("stream").asString("");
        String offset = ssp.path("offset").asString("");
        if (!stream.contains("-table-") && offset.matches("\\d+")) { // "-table-": a store's changelog
          out.put(new TopicPartition(stream, Integer.parseInt(ssp.path("partition").asString("0"))), Long.parseLong(offset));
        }
      });
    }
    return out;
  }
}
