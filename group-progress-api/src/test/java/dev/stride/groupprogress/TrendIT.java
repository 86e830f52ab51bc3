package dev.stride.groupprogress;

import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.testing.PrivateDruid;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.stride.druid.testing.PrivateDruid.enrolmentRow;
import static dev.stride.druid.testing.PrivateDruid.learnerRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend endpoint against the real Druid: private datasources fed through private topics with druid-specs'
 * supervisor specs; exact daily series, scoped by tenant and unchanged by duplicated rows (TrendOutageIT: access, bad
 * input, missing datasources, Druid down).
 */
@StrideIntegrationTest
class TrendIT {

    static final String T = "school-trend";
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR"));
    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static final String TREND = "/v1/course/c1/batch/b1/trend?to=" + D1.plusDays(2) + "&days=3";
    static PrivateDruid druid;
    static String learners;
    static String activity;
    static String enrolments;
    static List<String> learnerRows;
    static List<String> enrolmentRows;
    static TestApi api;
    static Calls calls;

    static Instant at(int day, int hour) {
        return D1.plusDays(day - 1L).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    @BeforeAll
    static void start(StrideStack stack) throws InterruptedException {
        druid = new PrivateDruid(stack);
        learners = druid.create(DruidDatasource.LEARNER_PROGRESS);
        activity = druid.createFromTopicOf(DruidDatasource.LEARNER_ACTIVITY, learners);
        enrolments = druid.create(DruidDatasource.ENROLMENT_PROGRESS);
        learnerRows = List.of(
                learnerRow(at(1, 9), T, "c1", "b1", "unit1", "u1", "x1", 1, 50, 30, "r1"),
                learnerRow(at(1, 10), T, "c1", "b1", "unit1", "u1", "x2", 2, 100, 60, "r2"),
                learnerRow(at(1, 11), T, "c1", "b1", "unit1", "u2", "x1", 1, 10, 5, "r3"),
                learnerRow(at(2, 9), T, "c1", "b1", "unit2", "u1", "x3", 2, 100, 90, "r4"),
                learnerRow(at(2, 23), T, "c1", "b1", "unit1", "u3", "x1", 2, 100, 20, "r5"),
                learnerRow(at(3, 0), T, "c1", "b1", "unit1", "u2", "x2", 1, 40, 15, "r6"),
                // Another tenant's batch with the same ids and another batch of the tenant: never in the series.
                learnerRow(at(1, 9), "other-tenant", "c1", "b1", "unit1", "u9", "x1", 2, 100, 5, "r7"),
                learnerRow(at(1, 9), T, "c1", "b2", "unit1", "u8", "x1", 2, 100, 5, "r8"));
        enrolmentRows = List.of(
                enrolmentRow(at(0, 12), T, "c1", "b1", "u4", 1, 10, null, 10, 1, "e0"), // before the window
                enrolmentRow(at(1, 9), T, "c1", "b1", "u1", 1, 33.3, null, 30, 1, "e1"),
                enrolmentRow(at(1, 11), T, "c1", "b1", "u2", 1, 10, null, 5, 1, "e2"),
                enrolmentRow(at(2, 9), T, "c1", "b1", "u1", 2, 100, at(2, 9), 90, 2, "e3"),
                enrolmentRow(at(2, 23), T, "c1", "b1", "u3", 2, 100, at(2, 23), 20, 1, "e4"),
                enrolmentRow(at(3, 0), T, "c1", "b1", "u2", 1, 40, null, 15, 2, "e5"),
                enrolmentRow(at(1, 9), "other-tenant", "c1", "b1", "u9", 2, 100, at(1, 9), 5, 1, "e6"));
        druid.produce(learners, learnerRows);
        druid.produce(enrolments, enrolmentRows);
        druid.awaitRows(learners, learnerRows.size(), Duration.ofSeconds(90));
        druid.awaitRows(activity, learnerRows.size(), Duration.ofSeconds(90));
        druid.awaitRows(enrolments, enrolmentRows.size(), Duration.ofSeconds(90));

        api = TestApi.start(stack, Map.of("stride.druid.broker-url", druid.broker(),
                "stride.druid.cache-ttl", "PT0S",
                "stride.druid.datasources.learner_progress", learners,
                "stride.druid.datasources.learner_activity", activity,
                "stride.druid.datasources.enrolment_progress", enrolments));
        calls = new Calls(api.client);
        Fixtures data = new Fixtures(stack.session(), api.keyspace);
        data.batch(T, "c1", "b1");
        data.batch("other-tenant", "c1", "b1");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (druid != null) {
            druid.close();
        }
    }

    static void assertSeries(JsonNode result) {
        assertThat(result.path("from").asString()).isEqualTo(D1.toString());
        assertThat(result.path("to").asString()).isEqualTo(D1.plusDays(2).toString());
        assertThat(result.path("series").valueStream().map(p -> p.path("date").asString() + " "
                + p.path("activeLearners").asLong() + " " + p.path("contentUpdates").asLong() + " "
                + p.path("completions").asLong() + " " + p.path("enrolled").asLong() + " "
                + p.path("completed").asLong() + " " + p.path("cumulativeCompletionRate").asDouble()))
                .containsExactly(
                        "2026-11-01 2 3 0 3 0 0.0",
                        "2026-11-02 2 2 2 4 2 50.0",
                        "2026-11-03 1 1 0 4 2 50.0");
    }

    @Test
    void dailySeriesIsExactScopedByTenantAndUnchangedByDuplicatedRows() throws InterruptedException {
        Calls.Response r = calls.get(TREND, TEACHER).expect(200);
        assertThat(r.body().path("id").asString()).isEqualTo("api.course.batch.trend");
        assertSeries(r.result());

        // At-least-once feed: every row ingested a second time changes no figure.
        druid.produce(learners, learnerRows);
        druid.produce(enrolments, enrolmentRows);
        druid.awaitRows(learners, 2L * learnerRows.size(), Duration.ofSeconds(90));
        druid.awaitRows(activity, 2L * learnerRows.size(), Duration.ofSeconds(90));
        druid.awaitRows(enrolments, 2L * enrolmentRows.size(), Duration.ofSeconds(90));
        assertSeries(calls.get(TREND, TEACHER).expect(200).result());

        // The other tenant's identical ids show only its own row.
        String otherTeacher = TestApi.token("other-tenant", "t2", List.of("ORG_ADMIN"));
        JsonNode other = calls.get(TREND, otherTeacher).expect(200).result().path("series");
        assertThat(other.get(0).path("activeLearners").asLong()).isEqualTo(1);
        assertThat(other.get(0).path("completed").asLong()).isEqualTo(1);
    }

    @Test
    void daysBeforeTheRollupsFirstDayAreCountedExactlyFromTheRawRows() throws InterruptedException {
        // An upgraded deployment: the rollup was created after its topic had dropped day 1, so it holds days 2 and 3.
        String lateRaw = druid.create(DruidDatasource.LEARNER_PROGRESS);
        String lateActivity = druid.createFromTopicOf(DruidDatasource.LEARNER_ACTIVITY, lateRaw);
        List<String> fromDay2 = learnerRows.stream().filter(r -> !r.contains("2026-11-01")).toList();
        assertThat(fromDay2).hasSizeBetween(1, learnerRows.size() - 1);
        druid.produce(lateRaw, fromDay2);
        druid.awaitRows(lateActivity, fromDay2.size(), Duration.ofSeconds(90));
        try (TestApi upgraded = api.twin(Map.of("stride.druid.broker-url", druid.broker(),
                "stride.druid.cache-ttl", "PT0S",
                "stride.druid.datasources.learner_progress", learners, // the raw rows, all days
                "stride.druid.datasources.learner_activity", lateActivity,
                "stride.druid.datasources.enrolment_progress", enrolments))) {
            assertSeries(new Calls(upgraded.client).get(TREND, TEACHER).expect(200).result());
        }
    }

    @Test
    void aDayWithMoreIdsThanTheSketchesKeepIsCountedExactly(StrideStack stack) throws InterruptedException {
        // Sketches of 16 entries (production keeps 65,536): 30 learners and 60 changes in one hour overflow them.
        String raw = druid.create(DruidDatasource.LEARNER_PROGRESS);
        String small = druid.createFromTopicOf(DruidDatasource.LEARNER_ACTIVITY, raw,
                spec -> spec.replace("\"size\": 65536", "\"size\": 16"));
        List<String> rows = new java.util.ArrayList<>();
        for (int u = 0; u < 30; u++) {
            rows.add(learnerRow(at(1, 14), T, "c1", "b9", "unit1", "u" + u, "x1", 2, 100, 5, "big-" + u + "-1"));
            rows.add(learnerRow(at(1, 14), T, "c1", "b9", "unit1", "u" + u, "x2", 1, 50, 5, "big-" + u + "-2"));
        }
        rows.addAll(rows.subList(0, 10)); // and a few duplicates
        druid.produce(raw, rows);
        druid.awaitRows(raw, rows.size(), Duration.ofSeconds(90));
        druid.awaitRows(small, rows.size(), Duration.ofSeconds(90));
        Fixtures data = new Fixtures(stack.session(), api.keyspace);
        data.batch(T, "c1", "b9");

        // The sketched query itself says it can only estimate that day...
        var sketched = new dev.stride.druid.DruidSql(druid.broker(), Duration.ofSeconds(10),
                Map.of(DruidDatasource.LEARNER_ACTIVITY.datasource(), small))
                .query("learner_activity/trend-updates", r -> dev.stride.druid.ThetaCount.parse(r.getString("updates_bounds")),
                        T, "c1", "b9", at(1, 0).toEpochMilli(), at(2, 0).toEpochMilli());
        assertThat(sketched).singleElement().extracting(dev.stride.druid.ThetaCount::exact).isEqualTo(false);

        // ...so the endpoint counts it again from the raw rows: exact, duplicates not counted.
        try (TestApi recount = api.twin(Map.of("stride.druid.broker-url", druid.broker(),
                "stride.druid.cache-ttl", "PT0S",
                "stride.druid.datasources.learner_progress", raw,
                "stride.druid.datasources.learner_activity", small,
                "stride.druid.datasources.enrolment_progress", enrolments))) {
            JsonNode day1 = new Calls(recount.client).get("/v1/course/c1/batch/b9/trend?to=" + D1 + "&days=1", TEACHER)
                    .expect(200).result().path("series").get(0);
            assertThat(day1.path("date").asString()).isEqualTo(D1.toString());
            assertThat(day1.path("activeLearners").asLong()).isEqualTo(30);
            assertThat(day1.path("contentUpdates").asLong()).isEqualTo(60);
        }
    }
}
