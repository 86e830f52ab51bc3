package dev.stride.reports.dataset.coursesummary;

import dev.stride.druid.DruidSql;
import dev.stride.druid.coursesummary.CourseSummaryQuery;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.testing.PrivateDruid;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.stride.druid.testing.PrivateDruid.enrolmentRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The course-summary report against the real Druid: the CSV lines of a private datasource's snapshots. */
@StrideIntegrationTest
class CourseSummaryReportIT {

    static final LocalDate D1 = LocalDate.of(2026, 10, 5);
    static final Clock NOW = Clock.fixed(D1.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static PrivateDruid druid;
    static String datasource;

    static Instant at(int day, int hour) {
        return D1.plusDays(day - 1L).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @BeforeAll
    static void ingest(StrideStack stack) throws InterruptedException {
        druid = new PrivateDruid(stack);
        datasource = druid.create(DruidDatasource.ENROLMENT_PROGRESS);
        List<String> rows = List.of(
                enrolmentRow(at(1, 10), "t1", "c1", "b1", "u1", 1, 50, null, 600, 1, "r1"),
                enrolmentRow(at(1, 11), "t1", "c1", "b1", "u2", 1, 20, null, 60, 1, "r2"),
                enrolmentRow(at(2, 10), "t1", "c1", "b1", "u1", 2, 100, at(2, 10), 900, 2, "r3"),
                enrolmentRow(at(2, 10), "t1", "c1", "b1", "u1", 2, 100, at(2, 10), 900, 2, "r3"), // a duplicate
                enrolmentRow(at(1, 10), "t2", "c1", "b1", "u9", 2, 100, at(1, 10), 5, 1, "r4"));
        druid.produce(datasource, rows);
        druid.awaitRows(datasource, rows.size(), Duration.ofSeconds(90));
    }

    @AfterAll
    static void cleanUp() {
        if (druid != null) {
            druid.close();
        }
    }

    static String csv(CourseSummaryReport report, Map<String, String> config) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(new ReportRequest("t1", config), out, ReportProgress.counting());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneLinePerBatchAndDay() throws Exception {
        CourseSummaryReport report = new CourseSummaryReport(new CourseSummaryQuery(new DruidSql(druid.broker(),
                Duration.ofSeconds(10), Map.of(DruidDatasource.ENROLMENT_PROGRESS.datasource(), datasource))), NOW);
        assertThat(csv(report, Map.of("courseId", "c1", "batchId", "b1"))).isEqualTo("\uFEFF"
                + "Course Id,Batch Id,Date,Enrolments,Starts,Completions,Completion Rate %,Median Time On Task (s)\r\n"
                + "c1,b1,2026-10-05,2,2,0,0,330\r\n"
                + "c1,b1,2026-10-06,2,2,1,50,480\r\n");
        assertThat(csv(report, Map.of("courseId", "c-none"))).as("no snapshot yet: only the header")
                .isEqualTo("\uFEFFCourse Id,Batch Id,Date,Enrolments,Starts,Completions,Completion Rate %,"
                        + "Median Time On Task (s)\r\n");
        assertThatThrownBy(() -> csv(report, Map.of())).isInstanceOf(ReportException.class).hasMessageContaining("courseId");
    }

    @Test
    void druidDownIsATransientFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CourseSummaryReport report = new CourseSummaryReport(new CourseSummaryQuery(new DruidSql("127.0.0.1:" + closed,
                Duration.ofSeconds(2))), NOW);
        assertThatThrownBy(() -> csv(report, Map.of("courseId", "c1"))).isInstanceOf(ReportException.class)
                .hasMessageContaining("Druid");
    }
}
