package dev.stride.druid.coursesummary;

import dev.stride.druid.DruidSql;
import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.testing.PrivateDruid;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.stride.druid.testing.PrivateDruid.enrolmentRow;
import static org.assertj.core.api.Assertions.assertThat;

/** The course summary against the real Druid: exact figures from a private datasource, unchanged by duplicated rows. */
@StrideIntegrationTest
class CourseSummaryIT {

    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static final Instant TO = D1.plusDays(5).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    static PrivateDruid druid;
    static String datasource;
    static CourseSummaryQuery query;
    static List<String> rows;

    static Instant at(int day, int hour) {
        return D1.plusDays(day - 1L).atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    @BeforeAll
    static void ingest(StrideStack stack) throws InterruptedException {
        druid = new PrivateDruid(stack);
        datasource = druid.create(DruidDatasource.ENROLMENT_PROGRESS);
        rows = List.of(
                enrolmentRow(at(1, 10), "t1", "c1", "b1", "u1", 1, 20, null, 60, 1, "r1"),
                enrolmentRow(at(1, 12), "t1", "c1", "b1", "u1", 1, 40, null, 120, 2, "r2"),
                enrolmentRow(at(2, 9), "t1", "c1", "b1", "u1", 2, 100, at(2, 9), 300, 3, "r3"),
                enrolmentRow(at(1, 11), "t1", "c1", "b1", "u2", 0, 0, null, 0, 1, "r4"),
                enrolmentRow(at(4, 8), "t1", "c1", "b1", "u2", 1, 10, null, 40, 2, "r5"),
                enrolmentRow(at(2, 15), "t1", "c1", "b1", "u3", 1, 50, null, 100, 1, "r6"),
                enrolmentRow(at(3, 7), "t1", "c1", "b2", "u9", 2, 100, at(3, 7), 500, 1, "r7"),
                // Another tenant's batch with the same ids, and another course: never in t1/c1's summary.
                enrolmentRow(at(1, 10), "t2", "c1", "b1", "ux", 2, 100, at(1, 10), 999, 1, "r8"),
                enrolmentRow(at(1, 10), "t1", "c2", "b1", "uy", 2, 100, at(1, 10), 999, 1, "r9"));
        druid.produce(datasource, rows);
        druid.awaitRows(datasource, rows.size(), Duration.ofSeconds(90));
        query = new CourseSummaryQuery(new DruidSql(druid.broker(), Duration.ofSeconds(10),
                Map.of(DruidDatasource.ENROLMENT_PROGRESS.datasource(), datasource)));
    }

    @AfterAll
    static void cleanUp() {
        if (druid != null) {
            druid.close();
        }
    }

    static final List<CourseSummaryRow> B1 = List.of(
            new CourseSummaryRow("c1", "b1", D1, 2, 1, 0, 0.0, 120.0),
            new CourseSummaryRow("c1", "b1", D1.plusDays(1), 3, 2, 1, 33.33, 200.0),
            new CourseSummaryRow("c1", "b1", D1.plusDays(2), 3, 2, 1, 33.33, 200.0),
            new CourseSummaryRow("c1", "b1", D1.plusDays(3), 3, 3, 1, 33.33, 100.0));
    static final CourseSummaryRow B2 = new CourseSummaryRow("c1", "b2", D1.plusDays(2), 1, 1, 1, 100.0, 500.0);

    @Test
    void exactFiguresPerBatchAndDayAndDuplicatedRowsChangeNothing() throws InterruptedException {
        List<CourseSummaryRow> all = new ArrayList<>(B1);
        all.add(B2);
        assertThat(query.run("t1", "c1", null, TO)).containsExactlyElementsOf(all);
        assertThat(query.run("t1", "c1", "b1", TO)).containsExactlyElementsOf(B1);
        assertThat(query.run("t1", "c1", "b1", at(2, 0))).as("only snapshots before 'to'").containsExactly(
                new CourseSummaryRow("c1", "b1", D1, 2, 1, 0, 0.0, 120.0));
        assertThat(query.run("t3", "c1", null, TO)).as("a tenant with no rows").isEmpty();

        // The feed is at-least-once: every row ingested a second time.
        druid.produce(datasource, rows);
        druid.awaitRows(datasource, 2L * rows.size(), Duration.ofSeconds(90));
        assertThat(query.run("t1", "c1", null, TO)).containsExactlyElementsOf(all);
    }

    @Test
    void aDatasourceNotCreatedYetIsAnEmptySummary() {
        CourseSummaryQuery missing = new CourseSummaryQuery(new DruidSql(druid.broker(), Duration.ofSeconds(10),
                Map.of(DruidDatasource.ENROLMENT_PROGRESS.datasource(),
                        druid.uniqueDatasource(DruidDatasource.ENROLMENT_PROGRESS))));
        assertThat(missing.run("t1", "c1", null, TO)).isEmpty();
    }
}
