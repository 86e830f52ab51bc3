package dev.stride.groupprogress.dashboard;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stride.groupprogress.config.StrideProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gradebooks from one enrolments_by_batch partition and the course's max scores, read once per
 * {@code stride.dashboard.snapshot-ttl} like the dashboard (a teacher's class reloading it shares one read). The
 * whole-batch gradebook, its JSON and its CSV are built once per read; a group's view is filtered per request.
 */
@Service
public class GradebookService {

    private static final long MAX_CACHED_ROWS = 200_000;

    /** One read of a batch's grades, with the whole-batch answers built on first use. */
    static final class Snapshot {
        final Map<String, Double> maxScores;
        final List<GradeRow> rows;
        private volatile Gradebook all;
        private volatile RawValue json;
        private volatile String csv;

        Snapshot(Map<String, Double> maxScores, List<GradeRow> rows) {
            this.maxScores = maxScores;
            this.rows = rows;
        }
    }

    /** A gradebook ready to answer with: the value and, for the whole batch, its serialised forms. */
    public record Answer(Gradebook gradebook, RawValue json, String csv) {
    }

    private final BatchRepository batches;
    private final JsonMapper mapper;
    private final AsyncCache<String, Snapshot> snapshots;

    public GradebookService(BatchRepository batches, StrideProperties props, JsonMapper mapper) {
        this.batches = batches;
        this.mapper = mapper;
        this.snapshots = Caffeine.newBuilder()
                .expireAfterWrite(props.dashboard().snapshotTtl())
                .maximumWeight(MAX_CACHED_ROWS)
                .<String, Snapshot>weigher((k, s) -> Math.max(1, s.rows.size()))
                .buildAsync();
    }

    public Mono<Answer> gradebook(String tenant, BatchInfo batch, Optional<Set<String>> visible, boolean csv) {
        String key = tenant + "|" + batch.courseId() + "|" + batch.batchId();
        return Mono.fromFuture(snapshots.get(key, (k, executor) -> Mono.zip(
                                batches.assessmentMaxScores(tenant, batch.courseId()),
                                batches.grades(tenant, batch.courseId(), batch.batchId()).collectList())
                        .map(t -> new Snapshot(t.getT1(), t.getT2())).toFuture()), true)
                .map(s -> visible.isPresent() ? answer(Gradebook.of(batch, s.maxScores, s.rows, visible), csv) : whole(s, batch, csv));
    }

    private Answer whole(Snapshot s, BatchInfo batch, boolean csv) {
        Gradebook g = s.all;
        if (g == null) {
            s.all = g = Gradebook.of(batch, s.maxScores, s.rows, Optional.empty());
        }
        if (csv) {
            String text = s.csv;
            if (text == null) {
                s.csv = text = GradebookCsv.write(g);
            }
            return new Answer(g, null, text);
        }
        RawValue json = s.json;
        if (json == null) {
            s.json = json = new RawValue(mapper.writeValueAsString(g));
        }
        return new Answer(g, json, null);
    }

    private Answer answer(Gradebook g, boolean csv) {
        return csv ? new Answer(g, null, GradebookCsv.write(g)) : new Answer(g, new RawValue(mapper.writeValueAsString(g)), null);
    }
}
