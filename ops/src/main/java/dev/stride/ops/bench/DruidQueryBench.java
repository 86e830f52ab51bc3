package dev.stride.ops.bench;

import dev.stride.druid.DruidSql;
import dev.stride.druid.ThetaCount;
import dev.stride.druid.specs.DruidAdmin;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.specs.SupervisorTarget;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The cohort GROUP BY over a large batch: {@code rows} generated learner_progress rows of one batch (one cohort) go once
 * through Kafka into two bench datasources, each with druid-specs' supervisor spec (raw {@code learner_progress} and
 * rolled-up {@code learner_activity}, both reading the one topic as in production), then the trend chart's activity
 * path runs N times through Avatica, one after another, the way group-progress-api runs it: learners per day
 * ({@code learner_activity/trend-learners}) and content updates per hour ({@code learner_activity/trend-updates}) over
 * the whole window side by side, the hours added up per day, plus the exact recount from the raw rows
 * ({@code learner_progress/trend-activity}) of any day the sketches only estimate.
 */
public final class DruidQueryBench {
  static final String TENANT = "bench-druid";
  static final String COURSE = "c-bench";
  static final String BATCH = "b-bench";
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
  static final int DAYS = 30;
  static final int USERS = 10_000;
  static final int CONTENTS = 50;

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
    String raw = "bench_learner_progress_" + rows;
    String rolled = "bench_learner_activity_" + rows;
    String topic = "stride.bench.druid.learner-progress-" + rows;
    DruidSql druid = new DruidSql(broker, Duration.ofSeconds(60), Map.of(
        DruidDatasource.LEARNER_PROGRESS.datasource(), raw, DruidDatasource.LEARNER_ACTIVITY.datasource(), rolled));
    DruidAdmin admin = new DruidAdmin(coordinator);
    List<String> started = new ArrayList<>();
    long haveRaw = count("SELECT COUNT(*) FROM \"" + raw + "\"");
    if (haveRaw < rows) {
      produce(raw, topic, rows, haveRaw);
      admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_PROGRESS, raw, topic, kafka));
      started.add(raw);
    } else {
      out.printf("datasource %s already holds %,d rows: not loading again%n", raw, haveRaw);
    }
    long haveRolled = count("SELECT SUM(ingested_rows) FROM \"" + rolled + "\"");
    if (haveRolled < rows) {
      admin.apply(new SupervisorTarget(DruidDatasource.LEARNER_ACTIVITY, rolled, topic, kafka));
      started.add(rolled);
    } else {
      out.printf("datasource %s already rolled up %,d rows: not loading again%n", rolled, haveRolled);
    }
    long t0 = System.nanoTime();
    await(raw, "SELECT COUNT(*) FROM \"" + raw + "\"", rows, t0);
    await(rolled, "SELECT SUM(ingested_rows) FROM \"" + rolled + "\"", rows, t0);
    out.printf("%s: %,d rolled-up rows (tenant, course, batch, hour) for %,d input rows%n", rolled,
        count("SELECT COUNT(*) FROM \"" + rolled + "\""), rows);

    long[] check = new long[3];
    Histogram latency = new Histogram(3);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    for (int i = 0; i < warmup + runs; i++) {
      long start = System.nanoTime();
      List<long[]> days = activity(druid, pool);
      long micros = (System.nanoTime() - start) / 1_000;
      if (i >= warmup) {
        latency.recordValue(micros);
      }
      check[0] = days.size();
      check[1] = days.stream().mapToLong(d -> d[1]).sum();
      check[2] = days.stream().filter(d -> d[2] == 1).count();
    }
    pool.shutdown();
    for (String datasource : started) {
      // Its task publishes and hands the rows off to the historical, then frees its indexer slot; the rows stay.
      admin.terminate(datasource);
    }
    if (check[1] != rows) {
      throw new IllegalStateException("the query counted " + check[1] + " content updates, expected " + rows);
    }
    out.printf("cohort GROUP BY (trend activity as the trend endpoint runs it: learner_activity sketches, learners per day"
        + " and updates per hour side by side, %d days, %d of them recounted exactly from learner_progress) over %,d rows, %d runs after %d warm-up:"
        + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 <= 300 ms); load average now %s%n", check[0],
        check[2], rows, runs, warmup, ms(latency, 50), ms(latency, 95), ms(latency, 99), latency.getMaxValue() / 1000.0,
        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
  }

  private static double ms(Histogram h, double p) {
    return h.getValueAtPercentile(p) / 1000.0;
  }

  /**
   * The trend endpoint's activity path over the cohort's days: [active learners, content updates, 1 when the day was
   * recounted exactly because its sketches could only estimate it].
   */
  private static List<long[]> activity(DruidSql druid, ExecutorService pool) throws Exception {
    long from = millis(FIRST_DAY);
    long to = millis(FIRST_DAY.plusDays(DAYS));
    Future<List<Object[]>> hours = pool.submit(() -> druid.query("learner_activity/trend-updates",
        r -> new Object[] {r.getLong("hour_ms"), ThetaCount.parse(r.getString("updates_bounds"))}, TENANT, COURSE, BATCH,
        from, to));
    List<Object[]> learnerDays = druid.query("learner_activity/trend-learners",
        r -> new Object[] {r.getLong("day_ms"), ThetaCount.parse(r.getString("learners_bounds"))}, TENANT, COURSE, BATCH,
        from, to);
    Map<Long, long[]> updates = new java.util.TreeMap<>(); // day -> [sum of the hours, inexact hours]
    for (Object[] h : hours.get()) {
      ThetaCount c = (ThetaCount) h[1];
      long[] day = updates.computeIfAbsent(Math.floorDiv((Long) h[0], 86_400_000L) * 86_400_000L, d -> new long[2]);
      day[0] += c.count();
      day[1] += c.exact() ? 0 : 1;
    }
    List<long[]> days = new ArrayList<>();
    for (Object[] d : learnerDays) {
      long dayMs = (Long) d[0];
      ThetaCount learners = (ThetaCount) d[1];
      long[] u = updates.getOrDefault(dayMs, new long[] {0, 0});
      if (learners.exact() && u[1] == 0) {
        days.add(new long[] {learners.count(), u[0], 0});
        continue;
      }
      for (long[] exact : druid.query("learner_progress/trend-activity",
          r -> new long[] {r.getLong("active_learners"), r.getLong("content_updates"), 1}, TENANT, COURSE, BATCH, dayMs,
          dayMs + 86_400_000L)) {
        days.add(exact);
      }
    }
    return days;
  }

  private static long millis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** A single number from ad-hoc SQL (bench datasource names only); 0 while the datasource does not exist. */
  private long count(String sql) throws SQLException {
    Properties p = new Properties();
    p.setProperty("http_response_timeout", "60000");
    try (Connection c = DriverManager.getConnection(DruidSql.jdbcUrl(broker), p);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String said = t.getMessage() + (t instanceof AvaticaSqlException a ? a.getErrorMessage() + a.getStackTraces() : "");
        if (said.contains("not found")) { // "Object ... not found": no row has created the datasource yet
          return 0;
        }
      }
      throw e;
    }
  }

  private void await(String datasource, String sql, int rows, long t0) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    long seen = count(sql);
    while (seen < rows) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Druid ingested " + seen + " of " + rows + " rows into " + datasource
            + " within 15 minutes");
      }
      Thread.sleep(1000);
      seen = count(sql);
    }
    out.printf("%s: all %,d rows queryable %.1f s after loading started%n", datasource, rows, (System.nanoTime() - t0) / 1e9);
  }

  private void produce(String datasource, String topic, int rows, long have) throws Exception {
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
