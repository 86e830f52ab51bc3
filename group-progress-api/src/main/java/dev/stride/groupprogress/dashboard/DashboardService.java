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
import java.util.Optional;
import java.util.Set;

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

    /** One read of a batch partition. */
    record Snapshot(List<LearnerRow> rows, Instant readAt) {
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
                .<String, Snapshot>weigher((k, s) -> Math.max(1, s.rows().size()))
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
        List<LearnerRow> rows = visible.map(ids -> s.rows().stream().filter(r -> ids.contains(r.userId())).toList())
                .orElse(s.rows());
        Comparator<PageToken.Position> order = sort.order(descending);
        List<Placed> sorted = new ArrayList<>(rows.size());
        rows.forEach(r -> sorted.add(new Placed(r, new PageToken.Position(sort.key(r), r.userId()))));
        sorted.sort(Comparator.comparing(Placed::position, order));
        int from = after == null ? 0 : firstAfter(sorted, order, after);
        int to = Math.min(sorted.size(), from + pageSize);
        List<LearnerRow> page = sorted.subList(from, to).stream().map(Placed::row).toList();
        String dir = descending ? "desc" : "asc";
        String next = to < sorted.size() ? new PageToken(sort.param(), dir, sorted.get(to - 1).position()).encode() : null;
        return new DashboardPage(batch, Cohort.of(rows, clock.instant(), inactiveAfter), page, rows.size(), sort.param(),
                dir, pageSize, next, s.readAt());
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
