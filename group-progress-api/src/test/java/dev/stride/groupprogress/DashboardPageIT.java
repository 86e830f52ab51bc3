package dev.stride.groupprogress;

import dev.stride.groupprogress.Fixtures.Enrolment;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static dev.stride.groupprogress.Calls.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The live dashboard page in real headless Chromium (Debian {@code chromium} + {@code chromium-driver}, driven by
 * Selenium): what the page shows equals what the API answers, a change in enrolments_by_batch is on screen within
 * 5 s, the group heat map, the token pasted once, and API errors in the red banner. Skipped when Chromium is absent.
 */
@StrideIntegrationTest
class DashboardPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String T = "school-web";
    static final String COURSE = "c-web";
    static final String BATCH = "b-web";
    /** The instructor also administers a group, so one token shows both views. */
    static final String TEACHER = TestApi.token(T, "teacher", List.of("INSTRUCTOR", "GROUP_ADMIN"));
    static final String DASHBOARD = "/v1/course/" + COURSE + "/batch/" + BATCH + "/dashboard?sort=completion&order=desc";

    static TestApi api;
    static Calls calls;
    static StrideStack stack;
    static String groupId;
    static ChromeDriver driver;
    static Path profile;
    /** Debian's Chromium is newer than the CDP versions Selenium ships; the test uses WebDriver only, not CDP. */
    static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    @BeforeAll
    static void start(StrideStack s) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "DashboardPageIT needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver):"
                        + " apt-get install -y chromium chromium-driver");
        stack = s;
        long t0 = System.nanoTime();
        api = TestApi.start(stack, Map.of());
        long t1 = System.nanoTime();
        calls = new Calls(api.client);
        Fixtures data = new Fixtures(stack.session(), api.keyspace);
        Instant now = Instant.now();
        data.batch(T, COURSE, BATCH);
        double[] completion = {100, 100, 100, 90, 75, 60, 45, 45, 30, 10, 0, 0};
        List<Enrolment> rows = new ArrayList<>();
        List<String> users = new ArrayList<>(List.of("teacher"));
        for (int i = 0; i < completion.length; i++) {
            String user = String.format("l%02d", i + 1);
            users.add(user);
            int status = completion[i] == 100 ? 2 : completion[i] == 0 ? 0 : 1;
            Instant seen = status == 0 ? null : now.minus(i % 3 == 0 ? Duration.ofDays(10) : Duration.ofHours(i));
            // l05's name would be markup if the page used innerHTML
            String name = i == 4 ? "<b>Bold</b> Learner" : "Learner " + (i + 1);
            rows.add(new Enrolment(user, name, COURSE, BATCH, status, completion[i], seen,
                    status == 0 ? null : 5.0 + i, 600L * (i + 1), Map.of()));
        }
        data.users(T, users.toArray(String[]::new));
        data.enrolments(T, rows);
        data.enrolments(T, List.of(new Enrolment("l01", "Learner 1", "c-other", "b-other", 1, 40, now, null, 60L, Map.of())));
        groupId = calls.createGroup(TEACHER, "Class 8A", List.of(member("l01", "member"), member("l04", "member"),
                member("l11", "member")), List.of(COURSE, "c-other"));

        long t2 = System.nanoTime();
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
        profile = Files.createTempDirectory("stride-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // An explicit driver: Selenium Manager (which would download one) is never asked.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        System.out.printf("DashboardPageIT: service up in %d ms, data in %d ms, %s up in %d ms%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, driver.getCapabilities().getBrowserVersion(), (System.nanoTime() - t2) / 1_000_000);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void signedOut() {
        // Each test starts from a clean origin: no stored token.
        driver.get(base() + "/dashboard/index.html");
        js("localStorage.clear()");
        severeConsoleEntries(); // drains what earlier tests logged
    }

    @Test
    void batchViewShowsTheApiNumbersAndFollowsUpdatesWithinFiveSeconds() throws IOException {
        driver.get(base() + "/dashboard/index.html?course=" + COURSE + "&batch=" + BATCH + "#token=" + TEACHER);
        JsonNode page = calls.get(DASHBOARD, TEACHER).expect(200).result();
        JsonNode cohort = page.path("cohort");
        waitForText("fig-learners", "12");

        assertThat(number("fig-learners")).isEqualTo(cohort.path("learners").asDouble()).isEqualTo(12);
        assertThat(number("fig-completion-rate")).isEqualTo(cohort.path("completionRate").asDouble()).isEqualTo(25);
        assertThat(number("fig-median")).isEqualTo(cohort.path("medianProgress").asDouble()).isEqualTo(52.5);
        assertThat(number("fig-inactive")).isEqualTo(cohort.path("inactive").asDouble());
        assertThat(histogram()).isEqualTo(cohort.path("buckets").valueStream().map(JsonNode::asInt).toList());

        List<String> shown = driver.findElements(By.cssSelector("#learners tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-user-id")).toList();
        assertThat(shown).isEqualTo(page.path("learners").valueStream().map(l -> l.path("userId").asString()).toList());
        JsonNode l05 = page.path("learners").valueStream().filter(l -> l.path("userId").asString().equals("l05"))
                .findFirst().orElseThrow();
        assertThat(cell("l05", "name")).as("text, not markup").isEqualTo(l05.path("name").asString()).isEqualTo("<b>Bold</b> Learner");
        assertThat(parse(cell("l05", "completion"))).isEqualTo(l05.path("completionPercentage").asDouble()).isEqualTo(75);
        assertThat(cell("l05", "status")).isEqualTo("in progress");
        assertThat(parse(cell("l05", "score"))).isEqualTo(l05.path("totalScore").asDouble());

        assertThat(driver.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");
        assertThat((String) js("return localStorage.getItem('stride.dashboard.token')")).isEqualTo(TEACHER);
        assertThat(severeConsoleEntries()).as("no script errors").isEmpty();

        // l09 completes the course: the row the aggregator would upsert.
        Instant written = Instant.now();
        stack.session().execute(stack.session().prepare("UPDATE " + api.keyspace + ".enrolments_by_batch SET status = 2,"
                        + " completion_percentage = 100, completed_on = ?, last_access_time = ?, updated_at = ?"
                        + " WHERE tenant = ? AND course_id = ? AND batch_id = ? AND user_id = ?")
                .bind(written, written, written, T, COURSE, BATCH, "l09"));
        long start = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
                .until(d -> text("fig-completion-rate").equals("33.33%") && "100%".equals(cell("l09", "completion")));
        Duration seen = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("DashboardPageIT: the update was on the page after %d ms%n", seen.toMillis());
        assertThat(seen).as("new data on the page").isLessThan(Duration.ofSeconds(5));

        JsonNode after = calls.get(DASHBOARD, TEACHER).expect(200).result().path("cohort");
        assertThat(number("fig-completion-rate")).isEqualTo(after.path("completionRate").asDouble());
        assertThat(number("fig-median")).isEqualTo(after.path("medianProgress").asDouble());
        assertThat(histogram()).isEqualTo(after.path("buckets").valueStream().map(JsonNode::asInt).toList());
        assertThat(cell("l09", "status")).isEqualTo("completed");
        screenshot("/tmp/dashboard.png");
    }

    @Test
    void groupViewHeatMapMatchesTheApi() throws IOException {
        driver.get(base() + "/dashboard/index.html?view=group&group=" + groupId + "#token=" + TEACHER);
        JsonNode progress = calls.get("/v1/groups/" + groupId + "/progress", TEACHER).expect(200).result();
        By l01 = By.cssSelector("#heatmap td[data-user='l01'][data-course='" + COURSE + "']");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(l01).isEmpty());

        JsonNode member = progress.path("members").valueStream().filter(m -> m.path("userId").asString().equals("l04"))
                .findFirst().orElseThrow();
        JsonNode course = member.path("courses").valueStream().filter(c -> c.path("courseId").asString().equals(COURSE))
                .findFirst().orElseThrow();
        WebElement cell = driver.findElement(By.cssSelector("#heatmap td[data-user='l04'][data-course='" + COURSE + "']"));
        assertThat(parse(cell.getText())).isEqualTo(course.path("completionPercentage").asDouble()).isEqualTo(90);
        assertThat(cell.getCssValue("background-color")).as("colour-scaled").isNotEqualTo(
                driver.findElement(By.cssSelector("#heatmap td[data-user='l11'][data-course='" + COURSE + "']"))
                        .getCssValue("background-color"));
        assertThat(driver.findElement(By.cssSelector("#heatmap td[data-user='l04'][data-course='c-other']")).getText())
                .as("not enrolled").isEqualTo("—");
        assertThat(driver.findElement(l01).getText()).isEqualTo("100%");
        assertThat(driver.findElement(By.cssSelector("#heatmap td[data-user='l01'][data-course='c-other']")).getText())
                .isEqualTo("40%");
        assertThat(driver.findElements(By.cssSelector("#heatmap tbody tr"))).hasSize(progress.path("members").size());
        @SuppressWarnings("unchecked")
        List<Number> averages = (List<Number>) js("return Chart.getChart('course-summary').data.datasets[0].data");
        assertThat(averages.stream().map(Number::doubleValue).toList()).isEqualTo(progress.path("summary").valueStream()
                .map(s -> s.path("averageCompletion").asDouble()).toList());
        // Chromium asked for gzip and decoded it; on its next 5 s refreshes it revalidates (If-None-Match) and gets 304.
        @SuppressWarnings("unchecked")
        List<List<Number>> sizes = (List<List<Number>>) js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/progress')).map(e => [e.encodedBodySize, e.decodedBodySize])");
        assertThat(sizes.get(0).get(0).longValue()).as("gzip on the wire").isLessThan(sizes.get(0).get(1).longValue());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> notModified() > 0);
        assertThat(driver.findElement(l01).getText()).as("a 304 keeps the page's numbers").isEqualTo("100%");
        assertThat(severeConsoleEntries()).isEmpty();
        screenshot("/tmp/dashboard-group.png");
    }

    private static long notModified() {
        var timer = api.context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("http.server.requests")
                .tags("uri", "/v1/groups/{groupId}/progress", "status", "304").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aTokenPastedOnceIsKept() {
        driver.get(base() + "/dashboard/index.html?course=" + COURSE + "&batch=" + BATCH);
        WebElement panel = driver.findElement(By.id("token-panel"));
        assertThat(panel.isDisplayed()).isTrue();
        driver.findElement(By.id("token-input")).sendKeys("Bearer " + TEACHER);
        driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
        waitForText("fig-learners", "12");
        assertThat(panel.isDisplayed()).isFalse();

        driver.navigate().refresh();
        waitForText("fig-learners", "12");
        assertThat(driver.findElement(By.id("token-panel")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("who")).getText()).contains("teacher", T, "INSTRUCTOR");
    }

    @Test
    void apiErrorsShowInARedBanner() {
        driver.get(base() + "/dashboard/index.html?course=" + COURSE + "&batch=b-missing#token=" + TEACHER);
        Calls.Response missing = calls.get("/v1/course/" + COURSE + "/batch/b-missing/dashboard", TEACHER).expect(404);
        WebElement banner = driver.findElement(By.id("error"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> banner.isDisplayed());
        assertThat(text("error-message")).isEqualTo(missing.errmsg());
        assertThat(text("error-code")).isEqualTo(missing.err()).isEqualTo("BATCH_NOT_FOUND");
        assertThat(banner.getCssValue("color")).isEqualTo("rgba(185, 28, 28, 1)");

        // A learner's token: 403 from the service, shown the same way.
        js("localStorage.clear()");
        driver.get(base() + "/dashboard/index.html?course=" + COURSE + "&batch=" + BATCH + "#token="
                + TestApi.token(T, "l01", List.of("LEARNER")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("error")).isDisplayed());
        assertThat(text("error-code")).isEqualTo("FORBIDDEN");
        assertThat(text("error-message")).contains("INSTRUCTOR");
    }

    @Test
    void thePageAndChartJsAreServedWithoutATokenAndTheApiStillNeedsOne() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/dashboard/index.html", "/dashboard/js/app.js", "/dashboard/dashboard.css",
                "/webjars/chart.js/4.4.7/dist/chart.umd.js")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(base() + "/dashboard?group=g1")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(307);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/dashboard/index.html?group=g1");
        calls.get(DASHBOARD, null).expectError(401, "UNAUTHORIZED", "bearer");
    }

    // --- helpers ---

    private static String base() {
        return "http://localhost:" + api.port;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static double number(String id) {
        return parse(text(id));
    }

    /** What the user reads ("33.33%", "1,024") as a number. */
    private static double parse(String shown) {
        return Double.parseDouble(shown.replace("%", "").replace(",", "").strip());
    }

    private static String cell(String userId, String column) {
        List<WebElement> found = driver.findElements(
                By.cssSelector("#learners tr[data-user-id='" + userId + "'] td[data-col='" + column + "']"));
        return found.isEmpty() ? null : found.get(0).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> histogram() {
        return ((List<Number>) js("return Chart.getChart('histogram').data.datasets[0].data")).stream()
                .map(Number::intValue).toList();
    }

    private static void waitForText(String id, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100))
                .until(d -> expected.equals(d.findElement(By.id(id)).getText()));
    }

    private static List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    private static void screenshot(String target) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
