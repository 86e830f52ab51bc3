package dev.stride.groupprogress.trend;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.api.web.ApiException;
import dev.stride.druid.DruidSql;
import dev.stride.groupprogress.trend.TrendSeries.Activity;
import dev.stride.groupprogress.trend.TrendSeries.Enrolments;
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
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A batch's trend from Druid: two named queries (activity from {@code learner_progress}, completions from
 * {@code enrolment_progress}), each a blocking JDBC call on the bounded elastic scheduler, the whole answer bounded
 * by {@code stride.druid.timeout} (+1 s) so an outage is a prompt 503 and never holds a request.
 */
@Service
public class TrendService {

    static final String ACTIVITY = "learner_progress/trend-activity";
    static final String ENROLMENTS = "enrolment_progress/trend-enrolments";
    private static final long DAY_MS = 86_400_000L;
    private static final Logger log = LoggerFactory.getLogger(TrendService.class);

    private record Key(String tenant, String courseId, String batchId, LocalDate from, LocalDate to) {
    }

    private final DruidSql druid;
    private final Duration bound;
    private final int chunkDays;
    private final Scheduler jdbc = Schedulers.boundedElastic();
    // Many dashboards of one batch refresh often: one Druid round per batch and window per TTL (failures not kept).
    private final AsyncCache<Key, Trend> answers;

    public TrendService(DruidProperties props) {
        this.druid = new DruidSql(props.brokerUrl(), props.timeout(), props.datasources());
        this.bound = props.timeout().plusSeconds(1);
        this.chunkDays = Math.max(1, props.chunkDays());
        this.answers = Caffeine.newBuilder().expireAfterWrite(props.cacheTtl()).maximumSize(10_000).buildAsync();
    }

    /** The series of {@code [from, to]}; 503 (DRUID_UNAVAILABLE) when Druid does not answer in time. */
    public Mono<Trend> trend(String tenant, String courseId, String batchId, LocalDate from, LocalDate to) {
        Key key = new Key(tenant, courseId, batchId, from, to);
        return Mono.fromFuture(answers.get(key, (k, executor) -> compute(k).toFuture()), true);
    }

    private Mono<Trend> compute(Key k) {
        long toMs = millis(k.to().plusDays(1));
        // Days never span two windows, so the per-day rows of the windows simply concatenate.
        long deadline = System.nanoTime() + bound.toNanos();
        Mono<List<Activity>> activity = blocking(() -> {
            List<Activity> rows = new java.util.ArrayList<>();
            for (LocalDate start = k.from(); !start.isAfter(k.to()); start = start.plusDays(chunkDays)) {
                if (System.nanoTime() - deadline > 0) { // the answer already timed out: stop loading Druid with the rest
                    throw new DruidSql.Unavailable("trend windows stopped after the " + bound.toMillis() + " ms bound", null);
                }
                LocalDate end = start.plusDays(chunkDays).isAfter(k.to().plusDays(1)) ? k.to().plusDays(1)
                        : start.plusDays(chunkDays);
                rows.addAll(druid.query(ACTIVITY, TrendService::activity, k.tenant(), k.courseId(), k.batchId(),
                        millis(start), millis(end)));
            }
            return rows;
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

    private <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(jdbc);
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
