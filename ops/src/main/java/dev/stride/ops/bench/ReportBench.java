package dev.stride.ops.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.ops.stack.StackConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `stride bench report`: writes a batch of N learners straight into enrolments_by_batch (realistic rows: names with
 * commas, quotes and non-ASCII letters, organisation fields, 12 assessment scores; unlogged single-partition batches,
 * many in flight), then runs `report-generator run --dataset progress-exhaust` as its own JVM with a capped heap and
 * reports rows/s, the generator's own peak heap and the process's peak RSS (VmHWM). Data stays between runs
 * (deterministic ids; a finished batch is marked in batch_by_id) so a re-run measures the generator only.
 */
public final class ReportBench {

  static final int ASSESSMENTS = 12;
  private static final int ROWS_PER_BATCH = 50;
  private static final int IN_FLIGHT = 24;
  private static final String[] FIRST = {"Anna", "José", "Zoë", "Ravi", "Chloé", "Søren", "Amara", "Wei", "Łukasz", "Nia"};
  private static final String[] LAST = {"Müller", "O'Brien", "Kumar", "García, Jr.", "Nakamura", "\"Sunny\" Rao", "Østergaard",
      "Ndlovu", "Dubois", "Smith"};
  private static final Pattern SUMMARY = Pattern.compile(": (\\d+) rows, ([\\d.]+) MiB in ([\\d.]+) s \\((\\d+) rows/s\\), peak heap (\\d+) MiB of (\\d+) MiB");

  /** One measured run. */
  public record Result(int learners, long rows, double seconds, long rowsPerSecond, double fileMiB, long peakHeapMiB,
      long peakRssMiB, String heapCap, double generateSeconds, String loadBefore, String loadAfter) {}

  private final CqlSession session;
  private final StackConfig config;
  private final String tenant;
  private final PrintStream out;

  public ReportBench(CqlSession session, StackConfig config, String tenant, PrintStream out) {
    this.session = session;
    this.config = config;
    this.tenant = tenant;
    this.out = out;
  }

  public static String courseId() {
    return "report-bench-course";
  }

  public static String batchId(int learners) {
    return "report-bench-v2-" + learners;
  }

  /** Generates (unless present) and measures one batch size. */
  public Result run(int learners, String heapCap, boolean regenerate) throws IOException, InterruptedException {
    double generated = ensureBatch(learners, regenerate);
    String loadBefore = loadAverage();
    Path file = Files.createTempFile("stride-report-bench-", ".csv");
    try {
      Result r = measure(learners, heapCap, file, generated, loadBefore);
      out.printf(Locale.ROOT, "  %d learners: %d rows in %.1f s = %d rows/s, %.0f MiB file, peak heap %d MiB, peak RSS %d MiB (%s)%n",
          learners, r.rows(), r.seconds(), r.rowsPerSecond(), r.fileMiB(), r.peakHeapMiB(), r.peakRssMiB(), heapCap);
      return r;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private Result measure(int learners, String heapCap, Path file, double generated, String loadBefore)
      throws IOException, InterruptedException {
    Path module = config.root().resolve("report-generator");
    String cp = module.resolve("target/classes") + ":" + Files.readString(module.resolve("target/classpath.txt")).trim();
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heapCap,
        "-XX:+UseG1GC", "-cp", cp, "dev.stride.reports.ReportGeneratorMain", "run", "--dataset", "progress-exhaust",
        "--tenant", tenant, "--batch", batchId(learners), "--out", file.toString(), "--progress", "log",
        "--cassandra", config.cassandraContactPoint(), "--keyspace", config.keyspace());
    out.println("  running: java -Xmx" + heapCap + " ... report-generator run --dataset progress-exhaust --tenant " + tenant
        + " --batch " + batchId(learners) + " --out " + file);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    AtomicLong peakRssKb = new AtomicLong();
    Thread sampler = new Thread(() -> {
      Path status = Path.of("/proc/" + p.pid() + "/status");
      while (p.isAlive()) {
        try {
          for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
              peakRssKb.accumulateAndGet(Long.parseLong(line.replaceAll("\\D", "")), Math::max);
            }
          }
          Thread.sleep(100);
        } catch (IOException | RuntimeException e) {
          return; // the process ended between the check and the read
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    String summary = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        out.println("    | " + line);
        if (SUMMARY.matcher(line).find()) {
          summary = line;
        }
      }
    }
    int code = p.waitFor();
    sampler.join(1000);
    if (code != 0 || summary == null) {
      throw new IOException("report-generator exited " + code + " without a summary line");
    }
    Matcher m = SUMMARY.matcher(summary);
    if (!m.find()) {
      throw new IOException("unreadable summary: " + summary);
    }
    return new Result(learners, Long.parseLong(m.group(1)), Double.parseDouble(m.group(3)), Long.parseLong(m.group(4)),
        Double.parseDouble(m.group(2)), Long.parseLong(m.group(5)), peakRssKb.get() / 1024, heapCap, generated, loadBefore,
        loadAverage());
  }

  /** Writes the bench course, batch and N enrolment rows unless a previous run finished them; returns seconds spent. */
  double ensureBatch(int learners, boolean regenerate) throws InterruptedException {
    String ks = config.keyspace();
    String batch = batchId(learners);
    Row marker = session.execute("SELECT description FROM " + ks + ".batch_by_id WHERE tenant = ? AND batch_id = ?", tenant, batch).one();
    if (!regenerate && marker != null && ("complete " + learners).equals(marker.getString(0))) {
      out.println("  " + batch + ": " + learners + " learners already generated (--regenerate to write them again)");
      markComplete(learners);
      return 0;
    }
    long start = System.nanoTime();
    out.println("  " + batch + ": writing " + learners + " learners...");
    StringBuilder leaves = new StringBuilder();
    Map<String, Double> maxScores = new LinkedHashMap<>();
    for (int a = 0; a < ASSESSMENTS; a++) {
      leaves.append(a == 0 ? "" : ",").append("{\"identifier\":\"rb-a").append(a).append("\",\"name\":\"Quiz ").append(a + 1)
          .append("\",\"maxScore\":10}");
      maxScores.put("rb-a" + a, 10.0);
    }
    String tree = "{\"identifier\":\"" + courseId() + "\",\"name\":\"Report bench course\",\"mimeType\":"
        + "\"application/vnd.ekstep.content-collection\",\"children\":[{\"identifier\":\"rb-unit\",\"name\":\"Unit 1\","
        + "\"children\":[" + leaves + "]}]}";
    session.execute("INSERT INTO " + ks + ".course_structure (tenant, course_id, name, tree, leaf_ids, required_leaf_ids,"
        + " assessment_max_scores, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, toTimestamp(now()))",
        tenant, courseId(), "Report bench course", tree, maxScores.keySet(), maxScores.keySet(), maxScores);
    PreparedStatement row = session.prepare("INSERT INTO " + ks + ".enrolments_by_batch (tenant, course_id, batch_id, user_id,"
        + " course_name, batch_name, enrolled_date, active, status, progress, leaf_nodes_count, completion_percentage,"
        + " completed_on, last_access_time, best_scores, total_score, time_spent_seconds, user_name, email, org_name,"
        + " school_id, school_name, district, state, block, cluster, user_type, user_sub_type)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> failures = new ArrayList<>();
    Random random = new Random(learners);
    Instant base = Instant.parse("2026-01-05T08:00:00Z");
    BatchStatementBuilder b = BatchStatement.builder(DefaultBatchType.UNLOGGED);
    for (int i = 0; i < learners; i++) {
      int done = random.nextInt(ASSESSMENTS + 1);
      Map<String, Double> best = new LinkedHashMap<>();
      double total = 0;
      for (int a = 0; a < ASSESSMENTS; a++) {
        if (a < done || random.nextInt(4) == 0) {
          double s = random.nextInt(11);
          best.put("rb-a" + a, s);
          total += s;
        }
      }
      int status = done == ASSESSMENTS ? 2 : done == 0 ? 0 : 1;
      Instant enrolled = base.plusSeconds(random.nextInt(86_400 * 30));
      int school = random.nextInt(5000);
      BoundStatement bound = row.bind(tenant, courseId(), batch, String.format(Locale.ROOT, "rb-u%08d", i), "Report bench course",
          "Bench batch " + learners, enrolled, status, done, ASSESSMENTS, done * 100.0 / ASSESSMENTS,
          status == 2 ? enrolled.plusSeconds(86_400L * 20) : null, enrolled.plusSeconds(random.nextInt(86_400 * 20)), best,
          total, (long) random.nextInt(36_000), FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)],
          "learner" + i + "@example.org", "Department of School Education", "sch-" + school, "Government School No. " + school,
          "District " + (school % 40), "State " + (school % 7), "Block " + (school % 200), "Cluster " + (school % 900),
          random.nextInt(10) == 0 ? "Teacher" : "Student", random.nextInt(10) == 0 ? "Head Teacher" : "Grade " + (6 + school % 7));
      // an unset value writes nothing; a bound null would write a tombstone cell per row
      b.addStatement(status == 2 ? bound : bound.unset("completed_on"));
      if (b.getStatementsCount() == ROWS_PER_BATCH || i == learners - 1) {
        inFlight.acquire();
        CompletableFuture<?> f = session.executeAsync(b.build()).toCompletableFuture();
        f.whenComplete((rs, e) -> inFlight.release());
        failures.add(f);
        b = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        if (failures.size() >= 256) {
          failures.forEach(CompletableFuture::join); // surfaces a failed write
          failures.clear();
        }
        if ((i + 1) % 100_000 == 0) {
          out.printf(Locale.ROOT, "    %d rows written (%.0f rows/s)%n", i + 1, (i + 1) / ((System.nanoTime() - start) / 1e9));
        }
      }
    }
    failures.forEach(CompletableFuture::join);
    markComplete(learners);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "  %s: %d learners written in %.1f s (%.0f rows/s)%n", batch, learners, seconds, learners / seconds);
    return seconds;
  }

  /**
   * The batch row, written last (its description marks the learners complete). It ended long ago, so the generator's
   * nightly run skips it: a bench batch is reported only when the bench asks.
   */
  private void markComplete(int learners) {
    session.execute("INSERT INTO " + config.keyspace() + ".batch_by_id (tenant, batch_id, course_id, name, start_date, end_date,"
        + " enrollment_type, description) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)", tenant, batchId(learners), courseId(),
        "Bench batch " + learners, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), "complete " + learners);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The Markdown table for docs/BENCHMARKS.md. */
  public static void table(List<Result> results, PrintStream out) {
    out.println("| learners | rows | seconds | rows/s | file MiB | generator heap cap | peak heap MiB | peak RSS MiB | load before → after |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      out.printf(Locale.ROOT, "| %,d | %,d | %.1f | %,d | %.0f | %s | %d | %d | %s → %s |%n", r.learners(), r.rows(), r.seconds(),
          r.rowsPerSecond(), r.fileMiB(), r.heapCap(), r.peakHeapMiB(), r.peakRssMiB(), r.loadBefore(), r.loadAfter());
    }
  }
}
