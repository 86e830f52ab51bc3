package dev.stride.samza.progress;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseCompletedEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import dev.stride.core.event.StrideEvent;
import org.apache.samza.context.Context;
import org.apache.samza.storage.kv.Entry;
import org.apache.samza.storage.kv.KeyValueIterator;
import org.apache.samza.storage.kv.KeyValueStore;
import org.apache.samza.system.IncomingMessageEnvelope;
import org.apache.samza.system.OutgoingMessageEnvelope;
import org.apache.samza.system.SystemStream;
import org.apache.samza.task.AsyncStreamTask;
import org.apache.samza.task.ClosableTask;
import org.apache.samza.task.InitableTask;
import org.apache.samza.task.MessageCollector;
import org.apache.samza.task.TaskCallback;
import org.apache.samza.task.TaskCoordinator;
import org.apache.samza.task.WindowableTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The progress aggregator's task: one per input partition, with its own stores.
 *
 * <p>State changes happen synchronously in {@link #processAsync} (so they apply in offset order); only the Cassandra
 * writes are asynchronous, and the callback completes when they are durable. Samza checkpoints an offset only after
 * every earlier callback completed, and with transactional state the stores' changelog offsets go into the same
 * checkpoint: after a crash the stores are trimmed back to the checkpoint and the same inputs are replayed onto the
 * same state, rewriting the same rows and re-emitting the same events (same eventIds).
 *
 * <p>Course trees arrive on a broadcast stream (every task sees every tree). An event of a course whose tree is not
 * known yet is absorbed into the state and indexed; it is computed when the tree arrives, never against no tree.
 */
final class ProgressAggregatorTask implements AsyncStreamTask, InitableTask, WindowableTask, ClosableTask {

    static final String STATES = "enrolment-state";
    static final String TREES = "course-tree";
    static final String INDEX = "course-enrolments";

    private static final Logger LOG = LoggerFactory.getLogger(ProgressAggregatorTask.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Set by the runner's SIGTERM hook: each task then commits once more and asks to stop (see {@link #window}). */
    private static volatile boolean stopRequested;

    private final ProgressAggregatorTaskFactory.Wiring wiring;
    private AggregatorConfig config;
    private ProgressSink sink;
    private KeyValueStore<String, EnrolmentState> states;
    private KeyValueStore<String, CourseStructureEvent> trees;
    private KeyValueStore<String, String> index;
    private SystemStream progressStream;
    private SystemStream completedStream;
    /** Parsed trees by course key, with the event they came from (the store holds the events). */
    private final Map<String, CachedTree> treeCache = new HashMap<>();

    private record CachedTree(CourseStructureEvent event, CourseTree tree) {
    }

    ProgressAggregatorTask(ProgressAggregatorTaskFactory.Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void init(Context context) {
        config = AggregatorConfig.from(context.getJobContext().getConfig());
        states = (KeyValueStore<String, EnrolmentState>) context.getTaskContext().getStore(STATES);
        trees = (KeyValueStore<String, CourseStructureEvent>) context.getTaskContext().getStore(TREES);
        index = (KeyValueStore<String, String>) context.getTaskContext().getStore(INDEX);
        progressStream = new SystemStream(wiring.system(), wiring.progressStream());
        completedStream = new SystemStream(wiring.system(), wiring.completedStream());
        sink = wiring.sinkFactory().open(config);
    }

    @Override
    public void processAsync(IncomingMessageEnvelope envelope, MessageCollector collector, TaskCoordinator coordinator,
                             TaskCallback callback) {
        CompletionStage<Void> writes;
        try {
            boolean tree = envelope.getSystemStreamPartition().getStream().equals(wiring.courseStructureStream());
            writes = tree ? onCourseStructure(envelope, collector) : onContentState(envelope, collector);
        } catch (RuntimeException e) {
            callback.failure(e);
            return;
        }
        writes.whenComplete((ok, failure) -> {
            if (failure == null) {
                callback.complete();
            } else {
                callback.failure(failure); // the container stops; a restart replays from the last checkpoint
            }
        });
    }

    /** Asks every task of this JVM to make a final commit and stop; the container ends when all have asked. */
    static void requestStop() {
        stopRequested = true;
    }

    @Override
    public void window(MessageCollector collector, TaskCoordinator coordinator) {
        if (stopRequested) {
            // Samza runs a requested commit once the task has no write in flight, and stops the run loop only when
            // every task asked and no commit is pending: a SIGTERM ends with everything processed checkpointed.
            coordinator.commit(TaskCoordinator.RequestScope.CURRENT_TASK);
            coordinator.shutdown(TaskCoordinator.RequestScope.CURRENT_TASK);
        }
    }

    private CompletionStage<Void> onContentState(IncomingMessageEnvelope envelope, MessageCollector collector) {
        ContentStateEvent event;
        EnrolmentState before;
        EnrolmentState after;
        try {
            event = Json.read(bytes(envelope.getMessage()), ContentStateEvent.class);
            String key = EventKeys.enrolmentKey(event.tenantId(), event.userId(), event.courseId(), event.batchId());
            before = states.get(key);
            EnrolmentState base = before != null ? before
                    : EnrolmentState.empty(event.tenantId(), event.userId(), event.courseId(), event.batchId());
            after = base.absorb(event);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping malformed content-state event at {} offset {}: {}", envelope.getSystemStreamPartition(),
                    envelope.getOffset(), e.toString()); // a poison message must not stop every enrolment of the partition
            return DONE;
        }
        if (after.equals(before)) {
            return DONE; // a duplicate or an older state: nothing can change
        }
        if (before == null) {
            index.put(indexKey(after), after.key());
        }
        CachedTree tree = tree(after.courseKey());
        if (tree == null) {
            states.put(after.key(), after); // parked: computed when the course's tree arrives
            return DONE;
        }
        return apply(after, tree, collector);
    }

    private CompletionStage<Void> onCourseStructure(IncomingMessageEnvelope envelope, MessageCollector collector) {
        if (envelope.getMessage() == null) {
            String courseKey = new String(bytes(envelope.getKey()), StandardCharsets.UTF_8);
            trees.delete(courseKey); // a deleted course: its enrolments stay parked until a tree comes back
            treeCache.remove(courseKey);
            return DONE;
        }
        CourseStructureEvent event;
        CourseTree tree;
        try {
            event = Json.read(bytes(envelope.getMessage()), CourseStructureEvent.class);
            tree = event.tree();
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping malformed course-structure event at {} offset {}: {}",
                    envelope.getSystemStreamPartition(), envelope.getOffset(), e.toString());
            return DONE;
        }
        String courseKey = event.key();
        CachedTree known = tree(courseKey);
        if (known != null && known.event().root().equals(event.root())) {
            return DONE; // the same tree again (re-publish, compaction re-read): no enrolment can change
        }
        trees.put(courseKey, event);
        CachedTree current = new CachedTree(event, tree);
        treeCache.put(courseKey, current);
        List<CompletionStage<Void>> writes = new ArrayList<>();
        // '}' follows '|' and every id character, so this range is exactly the keys of this course
        KeyValueIterator<String, String> it = index.range(courseKey + EventKeys.SEPARATOR, courseKey + "}");
        try {
            while (it.hasNext()) {
                Entry<String, String> entry = it.next();
                EnrolmentState state = states.get(entry.getValue());
                if (state != null) {
                    writes.add(apply(state, current, collector));
                }
            }
        } finally {
            it.close();
        }
        return CompletableFuture.allOf(writes.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    private CompletionStage<Void> apply(EnrolmentState state, CachedTree tree, MessageCollector collector) {
        Aggregation.Outcome outcome = Aggregation.step(state, tree.tree(), treeTime(tree.event()), config.attemptCap());
        states.put(state.key(), outcome.state());
        if (outcome.progress() == null) {
            return DONE;
        }
        send(collector, progressStream, outcome.progress().toEvent(outcome.version()));
        CourseCompletedEvent completed = outcome.completed();
        if (completed != null) {
            send(collector, completedStream, completed);
        }
        return sink.write(outcome.progress());
    }

    private CachedTree tree(String courseKey) {
        CachedTree cached = treeCache.get(courseKey);
        if (cached == null) {
            CourseStructureEvent stored = trees.get(courseKey);
            if (stored != null) {
                cached = new CachedTree(stored, stored.tree());
                treeCache.put(courseKey, cached);
            }
        }
        return cached;
    }

    private static void send(MessageCollector collector, SystemStream stream, StrideEvent event) {
        String key = event.key();
        // partitionKey is the String key: Samza partitions by its hashCode, stable across JVMs (a byte[]'s is not)
        collector.send(new OutgoingMessageEnvelope(stream, key, key.getBytes(StandardCharsets.UTF_8),
                Json.writeBytes(event)));
    }

    private static Instant treeTime(CourseStructureEvent e) {
        return e.ingestTime() != null ? e.ingestTime() : e.eventTime();
    }

    private static String indexKey(EnrolmentState s) {
        return s.courseKey() + EventKeys.SEPARATOR + s.userId() + EventKeys.SEPARATOR + s.batchId();
    }

    private static byte[] bytes(Object message) {
        return message instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) message;
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
    }
}
