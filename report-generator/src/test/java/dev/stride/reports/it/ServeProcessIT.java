package dev.stride.reports.it;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.it.Fixture.Learner;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `report-generator serve` as its own process: picks up a submitted request, then stops cleanly on SIGTERM. */
@StrideIntegrationTest
class ServeProcessIT {

    @Test
    void servesARequestAndStopsWithExitCodeZeroOnSigterm(StrideStack stack) throws Exception {
        try (Fixture f = new Fixture(stack, "serve")) {
            f.course("t1", "c1", "Course", Map.of("q1", 5.0));
            f.batch("t1", "c1", "b1", "Batch", LocalDate.of(2026, 1, 1), null);
            f.enrol("t1", "c1", "b1", "Course", "Batch", new Learner("u1", "Ann", null, null, null, null, null, null, null,
                    null, null, Instant.parse("2026-01-02T00:00:00Z"), null, 10.0, 1, 1.0, Map.of("q1", 1.0)));
            String cp = Path.of("target/classes").toAbsolutePath() + ":" + Files.readString(Path.of("target/classpath.txt")).trim();
            Path log = Files.createTempFile("report-generator-serve-", ".log");
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", cp, "dev.stride.reports.ReportGeneratorMain", "serve",
                    "--cassandra", stack.cassandraContactPoint(), "--keyspace", f.keyspace,
                    "--reports-dir", f.reports.toString(), "--poll", "PT0.3S", "--nightly-cron", "off", "--instance", "serve-it"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String id = "0123456789abcdef0123456789abcdef";
                f.submit("t1", "admin", id, "progress-exhaust", Map.of("batchId", "b1"), "csv");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String status = null;
                while (System.nanoTime() < deadline && !"SUCCESS".equals(status) && p.isAlive()) {
                    Row r = f.session.execute("SELECT status FROM job_requests WHERE tenant = 't1' AND tag = 'admin'"
                            + " AND request_id = ?", id).one();
                    status = r == null ? null : r.getString(0);
                    Thread.sleep(200);
                }
                assertThat(status).as(Files.readString(log)).isEqualTo("SUCCESS");
                assertThat(f.reports.resolve("t1/requests/" + id + "/progress-exhaust-b1.csv")).exists();
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(40, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
                assertThat(p.exitValue()).as(Files.readString(log)).isZero();
                assertThat(Files.readString(log)).contains("report-generator serve-it stopped");
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
