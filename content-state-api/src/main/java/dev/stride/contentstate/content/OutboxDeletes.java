package dev.stride.contentstate.content;

import dev.stride.contentstate.config.StrideProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deletes the outbox rows of published events a short window after their publish, all rows queued in the window
 * together (one batch per minute partition instead of one statement per request). The request does not wait for it:
 * a row whose delete is lost (crash, Cassandra error) is republished by the relay, a duplicate that consumers drop
 * by its event id — never a lost event.
 */
@Component
public class OutboxDeletes {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeletes.class);
    private final OutboxRepository outbox;
    private final Duration window;
    private final int maxPerBatch;
    private final Scheduler timer = Schedulers.single();
    private final Queue<OutboxRepository.Row> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong batches = new AtomicLong();

    public OutboxDeletes(OutboxRepository outbox, StrideProperties props) {
        this.outbox = outbox;
        this.window = props.outbox().deleteWindow();
        this.maxPerBatch = props.outbox().deleteBatch();
    }

    /** Queues the row of an event Kafka acknowledged; it is deleted within about one window. */
    public void deleteLater(OutboxRepository.Row row) {
        queue.add(row);
        if (flushScheduled.compareAndSet(false, true)) {
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        timer.schedule(this::timedFlush, window.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One flush in flight at a time: while Cassandra stalls, rows wait in the queue instead of requests piling up. */
    private void timedFlush() {
        if (!flushing.compareAndSet(false, true)) {
            scheduleFlush();
            return;
        }
        flush().doFinally(signal -> flushing.set(false)).subscribe(null, e -> log.warn("Outbox delete failed, the relay"
                + " will republish (duplicates, dropped by event id): {}", e.toString()));
    }

    /** Deletes every queued row now; completes when Cassandra acknowledged the deletes. */
    public Mono<Void> flush() {
        flushScheduled.set(false);
        List<OutboxRepository.Row> rows = new ArrayList<>();
        for (OutboxRepository.Row r; (r = queue.poll()) != null; ) {
            rows.add(r);
        }
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return outbox.deleteAll(rows, maxPerBatch).doOnNext(batches::addAndGet).then();
    }

    /** Rows queued and not yet handed to Cassandra. */
    public int pending() {
        return queue.size();
    }

    /** Delete batches Cassandra acknowledged so far (one per partition and flush, more above the batch size). */
    public long batchesSent() {
        return batches.get();
    }

    @PreDestroy
    void drainOnShutdown() {
        flush().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
    }
}
