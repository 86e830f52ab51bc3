package dev.stride.ops.bench;

import dev.stride.druid.DruidSql;
import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.SupervisorTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The cohort GROUP BY over a large batch: {@code rows} generated learner_progress rows of one batch (one cohort) are
 * loaded once into a bench datasource through Kafka and druid-specs' supervisor, then the trend chart's activity query
 * ({@code learner_progress/trend-activity}: per day, exact distinct learners and content updates) runs N times through
 * Avatica, one after another, the way group-progress-api runs it.
 */
public final class DruidQueryBench {
  static final String TENANT = "bench-druid";
  static final String COURSE = "c-bench";
  static final String BATCH = "b-bench";
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
  static final int DAYS = 30;
  static final int USERS = 10_000;
  static final int CONTENTS = 50;
  /** stride.druid.chunk-days of group-progress-api. */
  static final int CHUNK_DAYS = 7;

  private final String kafka;
  private final String coordinator;
  private final String broker;
  private final PrintStream out;

  public DruidQueryBench(String kafka, String coordinator, String broker, PrintStream out) {
    this.kafka = kafka;
    this.coordinator = coordinator;
    this.broker = broker;
    this.out = out;
  }

  public void run(int rows, int warmup, int runs) throws Exception {
    String datasource = "bench_learner_progress_" + rows;
    String topic = "stride.bench.druid.learner-progress-" + rows;
    DruidSql druid = new DruidSql(broker, Duration.ofSeconds(60), Map.of(DruidDatasource.LEARNER_PROGRESS.datasource(), datasource));
    long have = count(druid, datasource);
    boolean loaded = have < rows;
    if (loaded) {
      load(datasource, topic, rows, have);
    } else {
      out.printf("datasource %s already holds %,d rows: not loading again%n", datasource, have);
    }
    long[] check = new long[2];
    Histogram latency = new Histogram(3);
    for (int i = 0; i < warmup + runs; i++) {
      long t0 = System.nanoTime();
      List<long[]> days = activity(druid);
      long micros = (System.nanoTime() - t0) / 1_000;
      if (i >= warmup) {
        latency.recordValue(micros);
      }
      check[0] = days.size();
      check[1] = days.stream().mapToLong(d -> d[1]).sum();
    }
    if (loaded) {
      // Its task publishes and hands the rows off to the historical, then frees its indexer slot; the rows stay.
      new DruidAdmin(coordinator).terminate(datasource);
    }
    if (check[1] != rows) {
      throw new IllegalStateException("the query counted " + check[1] + " content updates, expected " + rows);
    }
    out.printf("cohort GROUP BY (trend-activity: %d days in %d-day windows as the trend endpoint runs it, exact distinct"
        + " learners and updates) over %,d rows, %d runs after %d warm-up: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
        + " (target p95 <= 300 ms)%n", check[0], CHUNK_DAYS, rows, runs, warmup,
        ms(latency, 50), ms(latency, 95), ms(latency, 99), latency.getMaxValue() / 1000.0);
  }

  private static double ms(Histogram h, double p) {
    return h.getValueAtPercentile(p) / 1000.0;
  }

  /** Rows visible in Druid SQL (0 while the datasource does not exist). */
  private long count(DruidSql druid, String datasource) {
    return activity(druid).stream().mapToLong(d -> d[1]).sum();
  }

  /** The trend endpoint's activity query over the cohort's days, in windows of CHUNK_DAYS one after another. */
  private static List<long[]> activity(DruidSql druid) {
    List<long[]> days = new java.util.ArrayList<>();
    for (int d = 0; d < DAYS; d += CHUNK_DAYS) {
      long from = FIRST_DAY.plusDays(d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      long to = FIRST_DAY.plusDays(Math.min(DAYS, d + CHUNK_DAYS)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      days.addAll(druid.query("learner_progress/trend-activity",
          r -> new long[] {r.getLong("active_learners"), r.getLong("content_updates")}, TENANT, COURSE, BATCH, from, to));
    }
    return days;
  }

  private void load(String datasource, String topic, int rows, long have) throws Exception {
    if (have > 0) {
      throw new IllegalStateException(datasource + " holds " + have + " rows, fewer than " + rows
          + ": an earlier load was cut short; drop the datasource (or use another --rows) and run again");
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    new DruidAdmin(coordinator).apply(new SupervisorTarget(DruidDatasource.LEARNER_PROGRESS, datasource, topic, kafka));
    long t0 = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < rows; i++) {
        producer.send(new ProducerRecord<>(topic, row(i, rows)));
      }
      producer.flush();
    }
    out.printf("produced %,d rows to %s in %.1f s; waiting for Druid to ingest them...%n", rows, topic,
        (System.nanoTime() - t0) / 1e9);
    DruidSql druid = new DruidSql(broker, Duration.ofSeconds(60), Map.of(DruidDatasource.LEARNER_PROGRESS.datasource(), datasource));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    long seen = 0;
    while (seen < rows) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Druid ingested " + seen + " of " + rows + " rows within 15 minutes");
      }
      Thread.sleep(1000);
      seen = count(druid, datasource);
    }
    out.printf("all %,d rows queryable %.1f s after the first was produced%n", rows, (System.nanoTime() - t0) / 1e9);
  }

  /** Row i: spread over the days, learners and contents of the cohort, with a unique row id. */
  static String row(int i, int rows) {
    long dayMillis = 86_400_000L;
    long start = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    Instant ts = Instant.ofEpochMilli(start + (long) i * (DAYS * dayMillis / rows));
    int user = (int) ((i * 7919L) % USERS);
    int content = i % CONTENTS;
    return "{\"ts\":\"" + ts + "\",\"tenant\":\"" + TENANT + "\",\"course_id\":\"" + COURSE + "\",\"batch_id\":\"" + BATCH
        + "\",\"unit_id\":\"unit-" + (content / 10) + "\",\"user_id\":\"u" + user + "\",\"content_id\":\"x" + content
        + "\",\"status\":" + (i % 3 == 0 ? 2 : 1) + ",\"progress\":" + (i % 101) + ",\"time_spent_seconds\":" + (i % 600)
        + ",\"row_id\":\"bench-" + i + "\"}";
  }
}
