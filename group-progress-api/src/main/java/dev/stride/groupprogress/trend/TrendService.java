package dev.stride.groupprogress.trend;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.api.web.ApiException;
import dev.stride.druid.DruidSql;
import dev.stride.druid.ThetaCount;
import dev.stride.groupprogress.trend.TrendSeries.Activity;
import dev.stride.groupprogress.trend.TrendSeries.DayLearners;
import dev.stride.groupprogress.trend.TrendSeries.Enrolments;
import dev.stride.groupprogress.trend.TrendSeries.HourUpdates;
import dev.stride.groupprogress.trend.TrendSeries.SketchedActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A batch's trend from Druid: three named queries side by side (learners per day and content updates per hour from the
 * rolled-up {@code learner_activity}, completions from {@code enrolment_progress}), each a blocking JDBC call on the
 * bounded elastic scheduler, the whole answer bounded
 * by {@code stride.druid.timeout} (+1 s) so an outage is a prompt 503 and never holds a request. A day whose sketches
 * held more distinct ids than they keep (an estimate, not a count), and a day before the rollup's first day, are
 * counted exactly from {@code learner_progress}.
 */
@Service
public class TrendService {

    static final String LEARNERS = "learner_activity/trend-learners";
    static final String UPDATES = "learner_activity/trend-updates";
    static final String FIRST_ROLLED_UP_DAY = "learner_activity/first-day";
    static final String EXACT_ACTIVITY = "learner_progress/trend-activity";
    private static final long FIRST_DAY_RECHECK_NANOS = Duration.ofMinutes(1).toNanos();
    static final String ENROLMENTS = "enrolment_progress/trend-enrolments";
    private static final long DAY_MS = 86_400_000L;
    private static final Logger log = LoggerFactory.getLogger(TrendService.class);

    private record Key(String tenant, String courseId, String batchId, LocalDate from, LocalDate to) {
    }

    private final DruidSql druid;
    private final Duration bound;
    private final Scheduler jdbc = Schedulers.boundedElastic();
    // Many dashboards of one batch refresh often: one Druid round per batch and window per TTL (failures not kept).
    private final AsyncCache<Key, Trend> answers;
    private volatile long firstRolledUpDayMs;
    private volatile long firstDayCheckedAt;

    public TrendService(DruidProperties props) {
        this.druid = new DruidSql(props.brokerUrl(), props.timeout(), props.datasources());
        this.bound = props.timeout().plusSeconds(1);
        this.answers = Caffeine.newBuilder().expireAfterWrite(props.cacheTtl()).maximumSize(10_000).buildAsync();
    }

    /** The series of {@code [from, to]}; 503 (DRUID_UNAVAILABLE) when Druid does not answer in time. */
    public Mono<Trend> trend(String tenant, String courseId, String batchId, LocalDate from, LocalDate to) {
        Key key = new Key(tenant, courseId, batchId, from, to);
        return Mono.fromFuture(answers.get(key, (k, executor) -> compute(k).toFuture()), true);
    }

    private Mono<Trend> compute(Key k) {
        long toMs = millis(k.to().plusDays(1));
        long deadline = System.nanoTime() + bound.toNanos();
        long fromMs = millis(k.from());
        // the two sketched queries run side by side; then any day they could only estimate is counted exactly
        Mono<List<DayLearners>> learners = blocking(() -> druid.query(LEARNERS, TrendService::learners, k.tenant(),
                k.courseId(), k.batchId(), fromMs, toMs));
        Mono<List<HourUpdates>> updates = blocking(() -> druid.query(UPDATES, TrendService::updates, k.tenant(),
                k.courseId(), k.batchId(), fromMs, toMs));
        Mono<List<Activity>> sketched = Mono.zip(learners, updates)
                .flatMap(t -> blocking(() -> exact(k, TrendSeries.sketched(t.getT1(), t.getT2()), deadline)));
        // days before the rollup's first day (an upgraded deployment) are counted exactly from the raw rows
        Mono<List<Activity>> beforeRollup = blocking(this::firstRolledUpDayMs).flatMap(first -> first <= fromMs
                ? Mono.just(List.<Activity>of())
                : blocking(() -> druid.query(EXACT_ACTIVITY, TrendService::activity, k.tenant(), k.courseId(),
                        k.batchId(), fromMs, Math.min(first, toMs))));
        Mono<List<Activity>> activity = Mono.zip(beforeRollup, sketched).map(t -> {
            List<Activity> all = new ArrayList<>(t.getT1());
            all.addAll(t.getT2());
            return all;
        });
        Mono<List<Enrolments>> enrolments = blocking(() -> druid.query(ENROLMENTS, TrendService::enrolments,
                k.tenant(), k.courseId(), k.batchId(), toMs));
        return Mono.zip(activity, enrolments)
                .map(t -> new Trend(k.courseId(), k.batchId(), k.from(), k.to(), "UTC",
                        TrendSeries.build(k.from(), k.to(), t.getT1(), t.getT2())))
                .timeout(bound)
                .onErrorMap(e -> e instanceof TimeoutException || e instanceof DruidSql.Unavailable, e -> {
                    log.warn("Trend of {}/{} unavailable: {}", k.courseId(), k.batchId(), e.toString());
                    return ApiException.unavailable("DRUID_UNAVAILABLE",
                            "the progress-over-time figures are unavailable: Druid did not answer within "
                                    + bound.toMillis() + " ms; the rest of the dashboard is not affected");
                });
    }

    /** The sketched days as they are, but a day they could only estimate, counted exactly from the raw rows. */
    private List<Activity> exact(Key k, List<SketchedActivity> days, long deadline) {
        List<Activity> out = new ArrayList<>(days.size());
        for (SketchedActivity day : days) {
            if (day.exact()) {
                out.add(day.activity());
                continue;
            }
            if (System.nanoTime() - deadline > 0) { // the answer already timed out: stop loading Druid with the rest
                throw new DruidSql.Unavailable("trend recounts stopped after the " + bound.toMillis() + " ms bound", null);
            }
            log.info("Trend of {}/{}: {} has more distinct ids than the sketches keep, counting it exactly",
                    k.courseId(), k.batchId(), day.date());
            out.addAll(druid.query(EXACT_ACTIVITY, TrendService::activity, k.tenant(), k.courseId(), k.batchId(),
                    millis(day.date()), millis(day.date().plusDays(1))));
        }
        return out;
    }

    /** Epoch ms of learner_activity's first day (Long.MAX_VALUE while it holds nothing), checked once a minute. */
    private long firstRolledUpDayMs() {
        long now = System.nanoTime();
        if (firstDayCheckedAt != 0 && now - firstDayCheckedAt < FIRST_DAY_RECHECK_NANOS) {
            return firstRolledUpDayMs;
        }
        List<Long> first = druid.query(FIRST_ROLLED_UP_DAY, r -> {
            long ms = r.getLong("first_day_ms");
            return r.wasNull() ? Long.MAX_VALUE : ms;
        });
        long day = first.isEmpty() ? Long.MAX_VALUE : first.get(0);
        if (day != Long.MAX_VALUE) { // keep asking while the rollup is empty: its first row may arrive any moment
            firstRolledUpDayMs = day;
            firstDayCheckedAt = now;
        }
        return day;
    }

    private <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(jdbc);
    }

    private static DayLearners learners(ResultSet r) throws SQLException {
        return new DayLearners(day(r.getLong("day_ms")), ThetaCount.parse(r.getString("learners_bounds")));
    }

    private static HourUpdates updates(ResultSet r) throws SQLException {
        return new HourUpdates(r.getLong("hour_ms"), ThetaCount.parse(r.getString("updates_bounds")));
    }

    private static Activity activity(ResultSet r) throws SQLException {
        return new Activity(day(r.getLong("day_ms")), r.getLong("active_learners"), r.getLong("content_updates"));
    }

    private static Enrolments enrolments(ResultSet r) throws SQLException {
        long seen = r.getLong("seen_day_ms");
        long completed = r.getLong("completed_day_ms");
        boolean notCompleted = r.wasNull();
        return new Enrolments(day(seen), notCompleted ? null : day(completed), r.getLong("enrolments"));
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate day(long epochMs) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMs, DAY_MS));
    }
}
