package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a flush's aggregates to Cassandra asynchronously, at most {@code maxInFlight} statements at a time per task (a
 * course change recomputing thousands of enrolments must not flood the driver). {@link #write} never blocks: the
 * statements beyond the bound wait in a queue that completing writes drain, so the task reads on while a flush is
 * written (the task starts its next flush only when this one is durable, which bounds the queue). Rows of one
 * enrolments_by_batch partition go together in single-partition UNLOGGED batches (one mutation each); the per-learner
 * tables take one statement a row. A statement that fails for any reason but an invalid query is sent again, up to
 * {@value #ATTEMPTS} tries (idempotent upserts), before the flush fails and the container stops.
 */
public final class CassandraProgressSink implements ProgressSink {

    /** The production factory: the shared session of {@link AggregatorConfig}'s Cassandra. */
    public static final ProgressSinkFactory FACTORY = CassandraProgressSink::new;
    /** Rows per single-partition batch: small enough to stay far below Cassandra's batch size warning. */
    static final int BATCH_ROWS = 16;

    /** Set while this thread pumps, so a synchronous completion does not recurse (one frame per queued write). */
    private static final ThreadLocal<boolean[]> PUMPING = ThreadLocal.withInitial(() -> new boolean[1]);

    private final AggregatorConfig config;
    private final ProgressRows rows;
    private final Semaphore inFlight;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

    /** Tries per statement: the upserts are idempotent, so a write that timed out on a busy node is simply sent again. */
    static final int ATTEMPTS = 4;
    /** Per try; the driver's 2 s default fails a flush whenever a shared machine stalls Cassandra for a moment. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicLong LAST_MICROS = new AtomicLong();

    /** Microseconds since the epoch, strictly increasing in this JVM (a later flush of an enrolment always wins). */
    static long nextMicros() {
        long now = System.currentTimeMillis() * 1000;
        return LAST_MICROS.updateAndGet(last -> Math.max(now, last + 1));
    }

    private record Pending(Statement<?> statement, CompletableFuture<Void> done, int attempt) {
    }

    private CassandraProgressSink(AggregatorConfig config) {
        this.config = config;
        this.rows = CassandraSessions.acquire(config);
        this.inFlight = new Semaphore(config.cassandraMaxInFlight());
    }

    @Override
    public CompletionStage<Void> write(List<EnrolmentAggregate> aggregates) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        Map<String, List<EnrolmentAggregate>> byBatch = new LinkedHashMap<>();
        for (EnrolmentAggregate a : aggregates) {
            writes.add(execute(rows.userEnrolment(a)));
            writes.add(execute(rows.activityAgg(a)));
            byBatch.computeIfAbsent(a.tenantId() + '|' + a.courseId() + '|' + a.batchId(), k -> new ArrayList<>()).add(a);
        }
        for (List<EnrolmentAggregate> partition : byBatch.values()) {
            for (int i = 0; i < partition.size(); i += BATCH_ROWS) {
                List<EnrolmentAggregate> chunk = partition.subList(i, Math.min(partition.size(), i + BATCH_ROWS));
                List<BoundStatement> statements = new ArrayList<>();
                chunk.forEach(a -> statements.addAll(rows.batchEnrolment(a)));
                writes.add(execute(ProgressRows.single(statements)));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> execute(Statement<?> statement) {
        // one write time for all tries: a retry that lands late never overwrites a newer row (e.g. one the enrolment's
        // next owner wrote after a rebalance)
        Pending p = new Pending(statement.setTimeout(TIMEOUT).setQueryTimestamp(nextMicros()), new CompletableFuture<>(), 1);
        queue.add(p);
        pump();
        return p.done();
    }

    /** Starts queued statements while permits last; every completion pumps again, so nothing queued is stranded. */
    private void pump() {
        if (PUMPING.get()[0]) {
            return; // a write that completed at once (e.g. no node available) calls back here: the outer loop goes on
        }
        PUMPING.get()[0] = true;
        try {
            pumpQueued();
        } finally {
            PUMPING.get()[0] = false;
        }
    }

    private void pumpQueued() {
        while (!queue.isEmpty()) {
            if (!inFlight.tryAcquire()) {
                return; // a write in flight completes later and pumps
            }
            Pending p = queue.poll();
            if (p == null) {
                inFlight.release(); // another thread took it: look again
                continue;
            }
            rows.session().executeAsync(p.statement()).whenComplete((rs, e) -> {
                inFlight.release();
                if (e == null) {
                    p.done().complete(null);
                } else if (p.attempt() < ATTEMPTS && !(unwrap(e) instanceof QueryValidationException)) {
                    queue.add(new Pending(p.statement(), p.done(), p.attempt() + 1)); // timeout, overload, node down
                } else {
                    p.done().completeExceptionally(e); // the flush fails: the container stops, a restart replays
                }
                pump();
            });
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public void close() {
        inFlight.acquireUninterruptibly(config.cassandraMaxInFlight()); // drain: every started write has finished
        CassandraSessions.release(config);
    }
}
