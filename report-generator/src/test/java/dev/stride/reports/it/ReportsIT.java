package dev.stride.reports.it;

import dev.stride.reports.csv.Cells;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.dataset.progress.ProgressExhaust;
import dev.stride.reports.it.Fixture.Learner;
import dev.stride.reports.nightly.NightlyClaims;
import dev.stride.reports.nightly.NightlyReports;
import dev.stride.reports.publish.ReportSummary;
import dev.stride.reports.publish.ReportWriter;
import dev.stride.reports.store.ReportFilesTable.ReportFile;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The datasets and the nightly run against a real Cassandra (fresh keyspace; pages of 3 rows so paging is exercised). */
@StrideIntegrationTest
class ReportsIT {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static Fixture f;
    static final List<Learner> LEARNERS = new ArrayList<>();

    @BeforeAll
    static void seed(StrideStack stack) throws Exception {
        f = new Fixture(stack, "reports");
        Map<String, Double> leaves = new LinkedHashMap<>();
        leaves.put("l1", null);
        leaves.put("q1", 10.0);
        leaves.put("q2", 5.0);
        f.course("t1", "c1", "Maths, Grade 6", leaves);
        f.batch("t1", "c1", "b1", "Batch \"A\"", TODAY.minusDays(30), null);
        f.batch("t1", "c1", "b-empty", "Empty batch", TODAY.minusDays(30), null);
        f.batch("t1", "c1", "b-old", "Ended batch", TODAY.minusDays(90), TODAY.minusDays(30));
        String[] names = {"García, Jr.", "\"Sunny\" Rao", "Zoë Østergaard", "=cmd()", "Line\nBreak", "李雷", "Plain"};
        Instant t0 = Instant.parse("2026-02-01T09:30:00Z");
        for (int i = 0; i < names.length; i++) {
            boolean done = i % 3 == 0;
            Map<String, Double> best = new LinkedHashMap<>();
            if (i != 2) {
                best.put("q1", (double) i);
            }
            if (i % 2 == 0) {
                best.put("q2", 2.5);
            }
            best.put("gone", 9.0); // a score of an assessment no longer in the tree: not a column
            Learner l = new Learner("u" + (7 - i), names[i], "Org " + i, "s" + i, "School, No. " + i, "District " + i,
                    "State", "Block " + i, i == 4 ? null : "Cluster " + i, "Student", i == 1 ? null : "Grade 6",
                    t0.plusSeconds(i * 3600L), done ? t0.plusSeconds(86_400L * (i + 1)) : null, done ? 100.0 : 100.0 * i / 3,
                    done ? 2 : 1, best.values().stream().mapToDouble(Double::doubleValue).sum() - 9, best);
            LEARNERS.add(l);
            f.enrol("t1", "c1", "b1", "Maths, Grade 6", "Batch \"A\"", l);
        }
        f.enrol("t2", "c1", "b1", "Other tenant", "Other", LEARNERS.get(0)); // same ids in another tenant: never mixed in
        LEARNERS.sort(Comparator.comparing(Learner::userId));
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    private static Dataset dataset(String name) {
        return f.generator.datasets().require(name);
    }

    private static List<CSVRecord> runToFile(String dataset, String tenant, Map<String, String> config) throws Exception {
        Path out = f.reports.resolve("one-shot-" + dataset + "-" + System.nanoTime() + ".csv");
        ReportSummary s = ReportWriter.toFile(dataset(dataset), new ReportRequest(tenant, config), out, ReportProgress.counting());
        List<CSVRecord> records = Fixture.parse(out);
        assertThat(s.rows()).isEqualTo(records.size() - 1);
        assertThat(Files.readString(out)).doesNotContain("\r\r").contains("\r\n");
        return records;
    }

    @Test
    void progressExhaustMatchesTheBatchPartitionRowByRowInUserIdOrder() throws Exception {
        List<CSVRecord> records = runToFile("progress-exhaust", "t1", Map.of("batchId", "b1"));
        List<String> header = new ArrayList<>(ProgressExhaust.FIXED_COLUMNS);
        header.add("Name of q1 [q1] (max 10)");
        header.add("Name of q2 [q2] (max 5)");
        assertThat(records.get(0).values()).containsExactlyElementsOf(header);
        assertThat(records).hasSize(LEARNERS.size() + 1);
        for (int i = 0; i < LEARNERS.size(); i++) {
            Learner l = LEARNERS.get(i);
            assertThat(records.get(i + 1).values()).as(l.userId()).containsExactly(
                    "c1", "Maths, Grade 6", "b1", "Batch \"A\"", l.userId(), Cells.text(l.name()), l.orgName(),
                    l.schoolId(), l.schoolName(), l.district(), l.state(), l.block(), l.cluster() == null ? "" : l.cluster(),
                    l.userType(), l.userSubType() == null ? "" : l.userSubType(), Cells.instant(l.enrolled()),
                    Cells.instant(l.completedOn()), Cells.number(l.completion()), Cells.status(l.status()), "",
                    Cells.number(l.totalScore()), Cells.number(l.best().get("q1")), Cells.number(l.best().get("q2")));
        }
        assertThat(records.stream().skip(1).map(r -> r.get(4))).containsExactly("u1", "u2", "u3", "u4", "u5", "u6", "u7");
        assertThat(records.get(4).get(5)).isEqualTo("'=cmd()"); // u4's name would be a formula
        assertThat(records.get(3).get(5)).isEqualTo("Line\nBreak");
    }

    @Test
    void anEmptyBatchIsTheHeaderOnlyAndAnUnknownOrForeignBatchIsAPermanentFailure() throws Exception {
        List<CSVRecord> empty = runToFile("progress-exhaust", "t1", Map.of("batchId", "b-empty"));
        assertThat(empty).hasSize(1);
        assertThat(empty.get(0).get(0)).isEqualTo("Course Id");
        assertThatThrownBy(() -> runToFile("progress-exhaust", "t1", Map.of("batchId", "nope")))
                .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessage("batch nope does not exist in tenant t1");
        // t2 has enrolment rows under b1 but no batch b1 of its own: another tenant's batch is not found
        assertThatThrownBy(() -> runToFile("progress-exhaust", "t2", Map.of("batchId", "b1")))
                .hasMessage("batch b1 does not exist in tenant t2");
        assertThatThrownBy(() -> runToFile("progress-exhaust", "t1", Map.of()))
                .hasMessage("datasetConfig.batchId is required for progress-exhaust");
    }

    @Test
    void responseExhaustHasOneRowPerAnsweredQuestionOfEveryAttempt() throws Exception {
        f.batch("t1", "c1", "b-resp", "Responses", TODAY.minusDays(5), null);
        for (String u : List.of("r2", "r1", "r3")) {
            f.enrol("t1", "c1", "b-resp", "Maths, Grade 6", "Responses", new Learner(u, "Name " + u, null, null, null, null,
                    null, null, null, null, null, Instant.parse("2026-03-01T00:00:00Z"), null, 0.0, 1, 0.0, Map.of()));
        }
        String questions = "[{\"id\":\"qq1\",\"title\":\"2+2, please\",\"type\":\"mcq\",\"maxScore\":1.0,\"score\":1.0,"
                + "\"duration\":4.5,\"answeredAt\":\"2026-03-02T10:00:01.250Z\",\"resvalues\":[{\"1\":\"4\"}]},"
                + "{\"id\":\"qq2\",\"title\":\"Say \\\"hi\\\"\",\"type\":\"ftb\",\"maxScore\":2.0,\"score\":0.0,\"duration\":null,"
                + "\"answeredAt\":null,\"resvalues\":null}]";
        f.attempt("t1", "r1", "c1", "b-resp", "q1", "att-1", Instant.parse("2026-03-02T10:00:00Z"), 1, 3, questions);
        f.attempt("t1", "r1", "c1", "b-resp", "q1", "att-2", Instant.parse("2026-03-03T10:00:00Z"), 3, 3, null);
        f.attempt("t1", "r3", "c1", "b-resp", "q2", "att-9", Instant.parse("2026-03-04T10:00:00Z"), 2, 5, "[]");
        List<CSVRecord> records = runToFile("response-exhaust", "t1", Map.of("batchId", "b-resp"));
        assertThat(records).hasSize(1 + 4);
        assertThat(records.get(1).values()).containsExactly("c1", "Maths, Grade 6", "b-resp", "Responses", "r1", "Name r1",
                "q1", "Name of q1", "att-1", "2026-03-02T10:00:00Z", "1", "3", "qq1", "2+2, please", "mcq", "1", "1", "4.5",
                "2026-03-02T10:00:01Z", "[{\"1\":\"4\"}]");
        assertThat(records.get(2).values()).containsSubsequence("att-1", "qq2", "Say \"hi\"", "ftb", "2", "0", "", "", "");
        assertThat(records.get(3).values()).containsSubsequence("r1", "att-2", "2026-03-03T10:00:00Z", "3", "3", "", "", "");
        assertThat(records.get(4).values()).containsSubsequence("r3", "q2", "Name of q2", "att-9");
    }

    @Test
    void groupProgressIsEveryMemberTimesEveryGroupCourseWithTheBestEnrolment() throws Exception {
        f.course("t1", "c2", "Science", Map.of("s1", 4.0));
        f.group("t1", "g1", "Class 6B", Map.of("c1", "Course", "c2", "Course", "not-a-course", "Survey"));
        f.member("t1", "g1", "m2", "Mia, Two", "member");
        f.member("t1", "g1", "m1", "Max One", "admin");
        f.member("t1", "g1", "m3", "Møller", "member");
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        f.userEnrolment("t1", "m1", "c1", "b1", "Maths, Grade 6", 1, 40, t, 3.0);
        f.userEnrolment("t1", "m1", "c1", "b2", "Maths, Grade 6", 2, 100, t.minusSeconds(60), 9.0); // the best of m1's two
        f.userEnrolment("t1", "m1", "c2", "b9", "Science", 1, 10, t, null);
        f.userEnrolment("t1", "m2", "c2", "b9", "Science", 0, 0, null, null);
        f.userEnrolment("t1", "m2", "c-other", "bx", "Other", 2, 100, t, 1.0); // not a group course
        List<CSVRecord> records = runToFile("group-progress", "t1", Map.of("groupId", "g1"));
        assertThat(records).hasSize(1 + 6);
        assertThat(records.get(1).values()).containsExactly("g1", "Class 6B", "m1", "Max One", "admin", "active", "c1",
                "Maths, Grade 6", "Yes", "b2", "2026-01-02T00:00:00Z", "Completed", "100", "", "2026-03-01T11:59:00Z", "9");
        assertThat(records.get(2).values()).containsSubsequence("m1", "c2", "Science", "Yes", "b9", "In Progress", "10");
        assertThat(records.get(3).values()).containsExactly("g1", "Class 6B", "m2", "Mia, Two", "member", "active", "c1",
                "Maths, Grade 6", "No", "", "", "", "", "", "", "");
        assertThat(records.get(4).values()).containsSubsequence("m2", "c2", "Science", "Yes", "b9", "Not Started", "0");
        assertThat(records.get(5).values()).containsSubsequence("m3", "Møller", "member", "active", "c1", "Maths, Grade 6", "No");
        assertThat(records.get(6).values()).containsSubsequence("m3", "c2", "Science", "No");
        assertThatThrownBy(() -> runToFile("group-progress", "t2", Map.of("groupId", "g1")))
                .hasMessage("group g1 does not exist in tenant t2");
    }

    @Test
    void theNightlyRunForOneDateIsIdempotentOneFileAndOneRowPerReport() throws Exception {
        f.group("t1", "g-night", "Night group", Map.of("c1", "Course"));
        f.member("t1", "g-night", "u1", "Learner One", "member");
        NightlyReports nightly = new NightlyReports(f.session, f.generator.datasets(), f.generator.writer());
        NightlyReports.Outcome first = nightly.run(TODAY, () -> false);
        NightlyReports.Outcome second = nightly.run(TODAY, () -> false);
        assertThat(first.failures()).isZero();
        assertThat(second.batchReports()).isEqualTo(first.batchReports()).isGreaterThanOrEqualTo(2); // b1, b-empty (+ b-resp)
        assertThat(first.skippedBatches()).isGreaterThanOrEqualTo(1); // b-old ended a month ago
        Path batchDir = f.reports.resolve("t1/batches/b1");
        try (var files = Files.list(batchDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("2026-03-10")))
                    .containsExactly("progress-exhaust-b1-2026-03-10.csv"); // other tests write other dates
        }
        assertThat(Files.exists(f.reports.resolve("t1/batches/b-old"))).isFalse();
        List<ReportFile> rows = f.generator.files().list("t1", "progress-exhaust:b1").stream()
                .filter(r -> r.reportDate().equals(TODAY)).toList();
        assertThat(rows).hasSize(1);
        ReportFile row = rows.get(0);
        Path file = batchDir.resolve("progress-exhaust-b1-2026-03-10.csv");
        assertThat(row.path()).isEqualTo("t1/batches/b1/progress-exhaust-b1-2026-03-10.csv");
        assertThat(row.reportDate()).isEqualTo(TODAY);
        assertThat(row.rowCount()).isEqualTo(LEARNERS.size());
        assertThat(row.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(row.sha256()).isEqualTo(sha256(file));
        // the group report is where group-progress-api lists it, once
        List<ReportFile> groupRows = f.generator.files().list("t1", "group-progress:g-night");
        assertThat(groupRows).filteredOn(r -> r.reportDate().equals(TODAY)).extracting(ReportFile::path).containsExactly("t1/groups/g-night/group-progress-g-night-2026-03-10.csv");
        assertThat(groupRows.get(0).rowCount()).isEqualTo(1);
        try (var files = Files.list(f.reports.resolve("t1/groups/g-night"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("2026-03-10"))).hasSize(1);
        }
        nightly.run(TODAY.plusDays(1), () -> false);
        assertThat(f.generator.files().list("t1", "progress-exhaust:b1")).extracting(ReportFile::reportDate)
                .filteredOn(d -> !d.isAfter(TODAY.plusDays(1))).containsExactly(TODAY.plusDays(1), TODAY);
    }

    @Test
    void twoInstancesRunningTheSameNightWriteEachReportOnceBetweenThem() throws Exception {
        LocalDate night = TODAY.plusDays(7);
        int expected = new NightlyReports(f.session, f.generator.datasets(), f.generator.writer())
                .run(night.minusDays(1), () -> false).batchReports();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> instance("serve-a").run(night, () -> false));
            var b = pool.submit(() -> instance("serve-b").run(night, () -> false));
            NightlyReports.Outcome first = a.get();
            NightlyReports.Outcome second = b.get();
            assertThat(first.failures() + second.failures()).isZero();
            assertThat(first.batchReports() + second.batchReports()).isEqualTo(expected);
            assertThat(first.claimedElsewhere() + second.claimedElsewhere())
                    .isEqualTo(expected + first.groupReports() + second.groupReports());
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.generator.files().list("t1", "progress-exhaust:b1"))
                .filteredOn(r -> r.reportDate().equals(night)).hasSize(1);
        NightlyReports.Outcome late = instance("serve-c").run(night, () -> false); // everything is claimed already
        assertThat(late.batchReports() + late.groupReports()).isZero();
        assertThat(late.claimedElsewhere()).isGreaterThanOrEqualTo(expected);
    }

    @Test
    void aClaimWhoseInstanceDiedMidReportExpiresAndTheNextPassWritesTheReport() throws Exception {
        LocalDate night = TODAY.plusDays(9);
        // an instance claims b1's report with a 2 s lease and dies before writing it
        NightlyClaims crashed = NightlyClaims.inCassandra(f.session, "crashed", java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(2));
        assertThat(crashed.take("t1", night, "progress-exhaust:b1")).isTrue();
        NightlyReports serve = instance("serve-b");
        NightlyReports.Outcome first = serve.run(night, () -> false);
        assertThat(first.claimedElsewhere()).isEqualTo(1);
        assertThat(f.generator.files().list("t1", "progress-exhaust:b1")).noneMatch(r -> r.reportDate().equals(night));
        Thread.sleep(3_000);
        NightlyReports.Outcome second = serve.run(night, () -> false); // what serve does once the lease has passed
        assertThat(second.batchReports()).as("only the abandoned report: the written ones stay claimed").isEqualTo(1);
        assertThat(second.groupReports()).isZero();
        assertThat(f.generator.files().list("t1", "progress-exhaust:b1")).filteredOn(r -> r.reportDate().equals(night))
                .hasSize(1);
    }

    private static NightlyReports instance(String owner) {
        return new NightlyReports(f.session, f.generator.datasets(), f.generator.writer(),
                NightlyClaims.inCassandra(f.session, owner, java.time.Clock.systemUTC()));
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
