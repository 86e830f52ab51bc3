package dev.stride.groupprogress.dashboard;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.groupprogress.config.StrideProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The batch dashboard from one enrolments_by_batch partition. Cohort figures need every row, so the partition is
 * read whole (driver-paged, no cap) into a snapshot that serves the figures and every sorted page for
 * {@code stride.dashboard.snapshot-ttl} (default 3 s, within the page's 5 s refresh); concurrent requests for one
 * batch share one read.
 */
@Service
public class DashboardService {

    // Bounded by rows, not snapshots: a few large batches or many small ones fit the same memory.
    private static final long MAX_CACHED_ROWS = 200_000;

    /**
     * One read of a batch partition, with what every request for the whole batch would recompute (the cohort and
     * each sort order) worked out once, on first use.
     */
    static final class Snapshot {
        final List<LearnerRow> rows;
        final Instant readAt;
        private final Map<String, List<Placed>> sortedAll = new ConcurrentHashMap<>();
        private volatile Cohort cohortAll;

        Snapshot(List<LearnerRow> rows, Instant readAt) {
            this.rows = rows;
            this.readAt = readAt;
        }
    }

    private final BatchRepository batches;
    private final Clock clock;
    private final Duration inactiveAfter;
    private final AsyncCache<String, Snapshot> snapshots;

    public DashboardService(BatchRepository batches, StrideProperties props, Clock clock) {
        this.batches = batches;
        this.clock = clock;
        this.inactiveAfter = props.dashboard().inactiveAfter();
        this.snapshots = Caffeine.newBuilder()
                .expireAfterWrite(props.dashboard().snapshotTtl())
                .maximumWeight(MAX_CACHED_ROWS)
                .<String, Snapshot>weigher((k, s) -> Math.max(1, s.rows.size()))
                .buildAsync();
    }

    public Mono<DashboardPage> page(String tenant, BatchInfo batch, Optional<Set<String>> visible, DashboardSort sort,
                                    boolean descending, int pageSize, PageToken.Position after) {
        String key = tenant + "|" + batch.courseId() + "|" + batch.batchId();
        return Mono.fromFuture(snapshots.get(key, (k, executor) -> batches.learners(tenant, batch.courseId(), batch.batchId())
                        .collectList().map(rows -> new Snapshot(rows, clock.instant())).toFuture()), true)
                .map(s -> page(s, batch, visible, sort, descending, pageSize, after));
    }

    /** A row with its place in the requested order, computed once per request. */
    private record Placed(LearnerRow row, PageToken.Position position) {
    }

    private DashboardPage page(Snapshot s, BatchInfo batch, Optional<Set<String>> visible, DashboardSort sort,
                               boolean descending, int pageSize, PageToken.Position after) {
        Comparator<PageToken.Position> order = sort.order(descending);
        List<Placed> sorted;
        Cohort cohort;
        if (visible.isEmpty()) { // the whole batch: shared by every request on this snapshot
            sorted = s.sortedAll.computeIfAbsent(sort.param() + (descending ? "-desc" : "-asc"), k -> sort(s.rows, sort, order));
            Cohort c = s.cohortAll;
            cohort = c != null ? c : (s.cohortAll = Cohort.of(s.rows, clock.instant(), inactiveAfter));
        } else {
            Set<String> ids = visible.get();
            List<LearnerRow> rows = s.rows.stream().filter(r -> ids.contains(r.userId())).toList();
            sorted = sort(rows, sort, order);
            cohort = Cohort.of(rows, clock.instant(), inactiveAfter);
        }
        int from = after == null ? 0 : firstAfter(sorted, order, after);
        int to = Math.min(sorted.size(), from + pageSize);
        List<LearnerRow> page = sorted.subList(from, to).stream().map(Placed::row).toList();
        String dir = descending ? "desc" : "asc";
        String next = to < sorted.size() ? new PageToken(sort.param(), dir, sorted.get(to - 1).position()).encode() : null;
        return new DashboardPage(batch, cohort, page, sorted.size(), sort.param(), dir, pageSize, next, s.readAt);
    }

    private static List<Placed> sort(List<LearnerRow> rows, DashboardSort sort, Comparator<PageToken.Position> order) {
        List<Placed> sorted = new ArrayList<>(rows.size());
        rows.forEach(r -> sorted.add(new Placed(r, new PageToken.Position(sort.key(r), r.userId()))));
        sorted.sort(Comparator.comparing(Placed::position, order));
        return List.copyOf(sorted);
    }

    /** Binary search for the first row ordered strictly after {@code after}. */
    private static int firstAfter(List<Placed> sorted, Comparator<PageToken.Position> order, PageToken.Position after) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(sorted.get(mid).position(), after) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
