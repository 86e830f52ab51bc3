package dev.stride.groupprogress;

import dev.stride.druid.specs.DruidDatasource;
import dev.stride.druid.testing.PrivateDruid;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.stride.druid.testing.PrivateDruid.enrolmentRow;
import static dev.stride.druid.testing.PrivateDruid.learnerRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard's "progress over time" chart in real headless Chromium: drawn from the trend endpoint when Druid has
 * rows; "Druid unavailable" under the chart while the rest of the batch view still shows. Skipped without Chromium.
 */
@StrideIntegrationTest
class TrendPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String T = "school-trend-page";
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR"));
    static PrivateDruid druid;
    static TestApi api;
    static TestApi down;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void start(StrideStack stack) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "TrendPageIT needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        druid = new PrivateDruid(stack);
        String learners = druid.create(DruidDatasource.LEARNER_PROGRESS);
        String activity = druid.createFromTopicOf(DruidDatasource.LEARNER_ACTIVITY, learners);
        String enrolments = druid.create(DruidDatasource.ENROLMENT_PROGRESS);
        // Yesterday (UTC), inside the chart's 30-day window.
        var day = LocalDate.now(ZoneOffset.UTC).minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        druid.produce(learners, List.of(learnerRow(day, T, "c1", "b1", "unit1", "u1", "x1", 2, 100, 60, "r1"),
                learnerRow(day, T, "c1", "b1", "unit1", "u2", "x1", 1, 50, 30, "r2")));
        druid.produce(enrolments, List.of(enrolmentRow(day, T, "c1", "b1", "u1", 2, 100, day, 60, 1, "e1"),
                enrolmentRow(day, T, "c1", "b1", "u2", 1, 50, null, 30, 1, "e2")));
        druid.awaitRows(learners, 2, Duration.ofSeconds(90));
        druid.awaitRows(activity, 2, Duration.ofSeconds(90));
        druid.awaitRows(enrolments, 2, Duration.ofSeconds(90));
        api = TestApi.start(stack, Map.of("stride.druid.broker-url", druid.broker(),
                "stride.druid.datasources.learner_progress", learners,
                "stride.druid.datasources.learner_activity", activity,
                "stride.druid.datasources.enrolment_progress", enrolments));
        new Fixtures(stack.session(), api.keyspace).batch(T, "c1", "b1");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        down = api.twin(Map.of("stride.druid.broker-url", "127.0.0.1:" + closed, "stride.druid.timeout", "PT2S"));

        profile = Files.createTempDirectory("stride-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1400");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (down != null) {
            down.close();
        }
        if (api != null) {
            api.close();
        }
        if (druid != null) {
            druid.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void open(TestApi app) {
        driver.get("http://localhost:" + app.port + "/dashboard/index.html?course=c1&batch=b1#token=" + TEACHER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "data".equals(d.findElement(By.id("trend-note")).getDomAttribute("data-state"))
                        || d.findElement(By.id("trend-note")).getText().contains("unavailable"));
    }

    @Test
    void theChartDrawsTheDailySeries() {
        open(api);
        String sums = "return Chart.getChart('trend').data.datasets.map(d => d.data.reduce((a, b) => a + b, 0));";
        // The chart refreshes every 30 s: wait for one answer that has the rows.
        try {
            new WebDriverWait(driver, Duration.ofSeconds(65)).until(d ->
                    ((Number) ((List<?>) ((JavascriptExecutor) d).executeScript(sums)).get(0)).longValue() > 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("chart sums " + ((JavascriptExecutor) driver).executeScript(sums) + ", the API says "
                    + new Calls(api.client).get("/v1/course/c1/batch/b1/trend?days=30", TEACHER).text(), e);
        }
        @SuppressWarnings("unchecked")
        List<Object> completions = (List<Object>) ((JavascriptExecutor) driver).executeScript(sums);
        // active learners, content updates, completions, and the cumulative rate summed over the 30 days
        assertThat(completions.subList(0, 3)).extracting(o -> ((Number) o).longValue()).containsExactly(2L, 2L, 1L);
        assertThat(driver.findElement(By.id("trend-note")).getText()).startsWith("UTC days");
    }

    @Test
    void druidDownIsANoteWhileTheBatchViewStillShows() {
        open(down);
        assertThat(driver.findElement(By.id("trend-note")).getText()).contains("Druid unavailable");
        assertThat(driver.findElement(By.id("error")).isDisplayed()).as("no error banner").isFalse();
        assertThat(driver.findElement(By.id("fig-learners")).getText()).isEqualTo("0");
    }
}
