package dev.stride.reports.it;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetRegistry;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.jobs.JobRequest;
import dev.stride.reports.jobs.JobRequestsTable;
import dev.stride.reports.jobs.JobTransitions;
import dev.stride.reports.jobs.JobWorker;
import dev.stride.reports.it.Fixture.Learner;
import dev.stride.reports.store.ReportFilesTable.ReportFile;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The job queue on a real Cassandra: lifecycle, retries, permanent failures, racing generators, expired claims. */
@StrideIntegrationTest
class JobQueueIT {

    static Fixture f;
    static JobRequestsTable table;

    @BeforeAll
    static void seed(StrideStack stack) throws Exception {
        f = new Fixture(stack, "jobs");
        table = new JobRequestsTable(f.session);
        f.course("t1", "c1", "Course One", Map.of("q1", 10.0));
        f.batch("t1", "c1", "b1", "Batch One", LocalDate.of(2026, 1, 1), null);
        for (String u : List.of("u2", "u1", "u3")) {
            f.enrol("t1", "c1", "b1", "Course One", "Batch One", new Learner(u, "Name " + u, "Org", null, null, null, null,
                    null, null, "Student", null, Instant.parse("2026-01-02T00:00:00Z"), null, 50.0, 1, 4.0, Map.of("q1", 4.0)));
        }
        f.brokenCourse("t1", "c-broken");
        f.batch("t1", "c-broken", "b-broken", "Broken batch", LocalDate.of(2026, 1, 1), null);
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    private static JobWorker worker(String instance) {
        return new JobWorker(table, new JobTransitions(3, Duration.ofMinutes(30)), f.generator.datasets(),
                f.generator.writer(), instance, Clock.systemUTC(), ZoneOffset.UTC);
    }

    private static Row row(String tenant, String tag, String requestId) {
        return f.session.execute("SELECT * FROM job_requests WHERE tenant = ? AND tag = ? AND request_id = ?",
                tenant, tag, requestId).one();
    }

    private static List<String> queue(String tenant, String status) {
        return f.session.execute("SELECT request_id FROM job_requests_by_status WHERE tenant = ? AND status = ?", tenant, status)
                .all().stream().map(r -> r.getString(0)).toList();
    }

    /** Runs polls until the queue has nothing for this worker (other tests' leftovers included). */
    private static void drain(JobWorker w) {
        for (int i = 0; i < 20 && w.pollOnce(); i++) {
            // one job per poll
        }
    }

    @Test
    void aRequestGoesSubmittedProcessingSuccessWithItsFileAndReportFilesRow() throws Exception {
        String id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";
        f.submit("t1", "course-admin:c1", id, "progress-exhaust", Map.of("batchId", "b1", "courseId", "c1"), "csv");
        assertThat(queue("t1", "SUBMITTED")).contains(id);
        drain(worker("gen-a"));
        Row r = row("t1", "course-admin:c1", id);
        assertThat(r.getString("status")).isEqualTo("SUCCESS");
        assertThat(r.getInt("attempts")).isEqualTo(1);
        assertThat(r.getString("claimed_by")).isEqualTo("gen-a");
        assertThat(r.getList("download_urls", String.class))
                .containsExactly("/v1/jobrequest/download/course-admin%3Ac1?requestId=" + id);
        assertThat(r.getInstant("finished_at")).isNotNull();
        assertThat(queue("t1", "SUBMITTED")).doesNotContain(id);
        assertThat(queue("t1", "PROCESSING")).doesNotContain(id);
        ReportFile file = f.generator.files().newest("t1", "request:" + id).orElseThrow();
        assertThat(file.path()).isEqualTo("t1/requests/" + id + "/progress-exhaust-b1.csv");
        assertThat(file.requestId()).isEqualTo(id);
        assertThat(file.rowCount()).isEqualTo(3);
        Path path = f.reports.resolve(file.path());
        assertThat(file.sha256()).isEqualTo(ReportsIT.sha256(path));
        assertThat(file.sizeBytes()).isEqualTo(java.nio.file.Files.size(path));
        List<CSVRecord> records = Fixture.parse(path);
        assertThat(records.stream().skip(1).map(x -> x.get(4))).containsExactly("u1", "u2", "u3");
    }

    @Test
    void aFailingRequestIsTriedThreeTimesThenFailedWithTheReason() {
        String id = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2";
        f.submit("t1", "course-admin:c-broken", id, "progress-exhaust", Map.of("batchId", "b-broken"), "csv");
        JobWorker w = worker("gen-b");
        w.pollOnce();
        Row afterOne = row("t1", "course-admin:c-broken", id);
        assertThat(afterOne.getString("status")).isEqualTo("SUBMITTED");
        assertThat(afterOne.getInt("attempts")).isEqualTo(1);
        assertThat(afterOne.getString("status_message")).startsWith("attempt 1 of 3 failed, will retry: course c-broken has an unreadable tree");
        assertThat(queue("t1", "SUBMITTED")).contains(id);
        drain(w);
        Row last = row("t1", "course-admin:c-broken", id);
        assertThat(last.getString("status")).isEqualTo("FAILED");
        assertThat(last.getInt("attempts")).isEqualTo(3);
        assertThat(last.getString("status_message")).startsWith("course c-broken has an unreadable tree in course_structure");
        assertThat(queue("t1", "SUBMITTED")).doesNotContain(id);
        assertThat(queue("t1", "PROCESSING")).doesNotContain(id);
        assertThat(f.generator.files().list("t1", "request:" + id)).isEmpty();
    }

    @Test
    void badRequestsFailAtOnceWithAClearReason() {
        String unknown = "cccccccccccccccccccccccccccccc03";
        String format = "cccccccccccccccccccccccccccccc04";
        String missing = "cccccccccccccccccccccccccccccc05";
        String foreign = "cccccccccccccccccccccccccccccc06";
        f.submit("t1", "tag", unknown, "learner-transcript", Map.of("batchId", "b1"), "csv");
        f.submit("t1", "tag", format, "progress-exhaust", Map.of("batchId", "b1"), "json");
        f.submit("t1", "tag", missing, "group-progress", Map.of(), "csv");
        f.submit("t2", "tag", foreign, "progress-exhaust", Map.of("batchId", "b1"), "csv");
        drain(worker("gen-c"));
        assertThat(row("t1", "tag", unknown).getString("status_message")).startsWith("dataset 'learner-transcript' is not"
                + " available in this report-generator build (available: ").contains("group-progress, progress-exhaust");
        assertThat(row("t1", "tag", format).getString("status_message")).isEqualTo("output format 'json' is not supported (only csv)");
        assertThat(row("t1", "tag", missing).getString("status_message")).isEqualTo("datasetConfig.groupId is required for group-progress");
        assertThat(row("t2", "tag", foreign).getString("status_message")).isEqualTo("batch b1 does not exist in tenant t2");
        for (String[] k : List.of(new String[] {"t1", unknown}, new String[] {"t1", format}, new String[] {"t1", missing},
                new String[] {"t2", foreign})) {
            Row r = row(k[0], "tag", k[1]);
            assertThat(r.getString("status")).isEqualTo("FAILED");
            assertThat(r.getInt("attempts")).as("permanent failures are not retried").isEqualTo(1);
        }
    }

    @Test
    void twoGeneratorsRacingForOneRequestRunItExactlyOnce() throws Exception {
        String id = "dddddddddddddddddddddddddddddd07";
        f.submit("t1", "race", id, "progress-exhaust", Map.of("batchId", "b1"), "csv");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> a = () -> { start.await(); return worker("racer-a").pollOnce(); };
            Callable<Boolean> b = () -> { start.await(); return worker("racer-b").pollOnce(); };
            Future<Boolean> fa = pool.submit(a);
            Future<Boolean> fb = pool.submit(b);
            boolean ranA = fa.get();
            boolean ranB = fb.get();
            Row r = row("t1", "race", id);
            assertThat(r.getString("status")).isEqualTo("SUCCESS");
            assertThat(r.getInt("attempts")).isEqualTo(1);
            assertThat(ranA ^ ranB).as("exactly one generator ran a job (a=%s b=%s)", ranA, ranB).isTrue();
            assertThat(r.getString("claimed_by")).isEqualTo(ranA ? "racer-a" : "racer-b");
            assertThat(f.generator.files().list("t1", "request:" + id)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimWhoseGeneratorDiedIsTakenBackAndRunAgain() {
        String id = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee08";
        f.submit("t1", "stale", id, "progress-exhaust", Map.of("batchId", "b1"), "csv");
        JobRequest submitted = table.read("t1", "stale", id);
        Instant longAgo = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(table.claim(submitted, "dead-generator", 1, longAgo)).isTrue(); // claimed, then its process died
        assertThat(queue("t1", "PROCESSING")).contains(id);
        drain(worker("gen-e"));
        Row r = row("t1", "stale", id);
        assertThat(r.getString("status")).isEqualTo("SUCCESS");
        assertThat(r.getInt("attempts")).isEqualTo(2);
        assertThat(r.getString("claimed_by")).isEqualTo("gen-e");
        assertThat(queue("t1", "PROCESSING")).doesNotContain(id);
    }

    @Test
    void aStoppingGeneratorReleasesItsJobWithoutUsingAnAttempt() {
        String id = "ffffffffffffffffffffffffffffff09";
        f.submit("t1", "release", id, "progress-exhaust", Map.of("batchId", "b1"), "csv");
        JobRequest submitted = table.read("t1", "release", id);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(table.claim(submitted, "gen-f", 1, now)).isTrue();
        assertThat(table.release(submitted, "gen-f", 0, "released by gen-f on shutdown", now)).isTrue();
        Row r = row("t1", "release", id);
        assertThat(r.getString("status")).isEqualTo("SUBMITTED");
        assertThat(r.getInt("attempts")).isZero();
        assertThat(queue("t1", "SUBMITTED")).contains(id);
        assertThat(queue("t1", "PROCESSING")).doesNotContain(id);
        assertThat(table.release(submitted, "gen-f", 0, "again", now)).as("only the claimer, only once").isFalse();
        drain(worker("gen-g"));
        assertThat(row("t1", "release", id).getString("status")).isEqualTo("SUCCESS");
    }

    @Test
    void aJobRunningWhenTheGeneratorStopsIsReleasedWithItsAttemptGivenBack() throws Exception {
        String id = "abababababababababababababab0010";
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Dataset slow = new Dataset() { // a report that only ends when cancelled
            public String name() { return "slow"; }
            public String subjectKey() { return "batchId"; }
            public long write(ReportRequest r, java.io.OutputStream out, ReportProgress progress) throws Exception {
                started.countDown();
                while (true) {
                    progress.rows(1);
                    Thread.sleep(20);
                }
            }
        };
        JobWorker w = new JobWorker(table, new JobTransitions(3, Duration.ofMinutes(30)), new DatasetRegistry(List.of(slow)),
                f.generator.writer(), "gen-stopping", Clock.systemUTC(), ZoneOffset.UTC);
        f.submit("t9", "stop", id, "slow", Map.of("batchId", "b1"), "csv");
        Thread t = new Thread(w::pollOnce);
        t.start();
        assertThat(started.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(row("t9", "stop", id).getString("status")).isEqualTo("PROCESSING");
        w.stop();
        w.cancelRunning();
        t.join(20_000);
        Row r = row("t9", "stop", id);
        assertThat(r.getString("status")).isEqualTo("SUBMITTED");
        assertThat(r.getInt("attempts")).isZero();
        assertThat(r.getString("status_message")).isEqualTo("released by gen-stopping on shutdown");
        assertThat(queue("t9", "SUBMITTED")).containsExactly(id);
        assertThat(queue("t9", "PROCESSING")).isEmpty();
        try (var files = java.nio.file.Files.walk(f.reports)) {
            assertThat(files.filter(p -> p.toString().contains(id))).as("the temporary file is discarded")
                    .allMatch(java.nio.file.Files::isDirectory);
        }
    }
}
