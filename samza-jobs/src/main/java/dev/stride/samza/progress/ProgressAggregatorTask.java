package dev.stride.samza.progress;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.CourseCompletedEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import dev.stride.core.event.EnrolmentProgressEvent;
import org.apache.samza.context.Context;
import org.apache.samza.storage.kv.KeyValueIterator;
import org.apache.samza.storage.kv.KeyValueStore;
import org.apache.samza.system.IncomingMessageEnvelope;
import org.apache.samza.system.OutgoingMessageEnvelope;
import org.apache.samza.system.SystemStream;
import org.apache.samza.task.AsyncStreamTask;
import org.apache.samza.task.ClosableTask;
import org.apache.samza.task.EndOfStreamListenerTask;
import org.apache.samza.task.InitableTask;
import org.apache.samza.task.MessageCollector;
import org.apache.samza.task.TaskCallback;
import org.apache.samza.task.TaskCoordinator;
import org.apache.samza.task.WindowableTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The progress aggregator's task: one per input partition, with its own stores.
 *
 * <p>Input changes are absorbed synchronously in offset order and the enrolment is marked dirty, in memory and in the
 * changelogged {@value #DIRTY} store. Every {@code task.window.ms} {@link #window} starts a flush while the task is
 * caught up; under a backlog the window grows with the input lag, bounded ({@link FlushWindow}), so fewer intermediate
 * enrolment-progress events are emitted then (each flush still emits and writes every dirty enrolment's latest aggregate).
 * A flush computes each dirty enrolment once, emits its events and writes its rows asynchronously while the task reads
 * on; a later window (or a forced {@link #drain}) sees the writes durable and only then removes the marks of the
 * enrolments not marked again since. At most one flush is in flight per task. A checkpoint may come at any point between: with
 * transactional state the marks, the states and the input offsets belong to the same checkpoint, so after a crash every
 * enrolment whose rows may be missing is still marked, and the first flush rewrites it even when its aggregate did not
 * change since the (possibly lost) write ({@link #restoredMarks}); the inputs after the checkpoint replay onto exactly
 * that state (same rows, same eventIds). Output events need no such care: Samza flushes the producer before it
 * writes a checkpoint. The stores do: every {@code stride.commit.ms} the window flushes their object caches into the
 * changelog producer and then requests the commit, which Samza runs before the task's next message, so the commit's
 * producer flush covers every state record its input offsets depend on ({@link AggregatorConfig#checkSamzaCommitSettings}).
 *
 * <p>Course trees arrive on a broadcast stream (every task sees every tree). An event of a course whose tree is not
 * known yet is absorbed into the state and indexed; it is computed when the tree arrives, never against no tree.
 */
final class ProgressAggregatorTask implements AsyncStreamTask, InitableTask, WindowableTask, EndOfStreamListenerTask,
        ClosableTask {

    static final String STATES = "enrolment-state";
    static final String TREES = "course-tree";
    static final String INDEX = "course-enrolments";
    /** Enrolment keys absorbed since their rows were last written (values are empty). */
    static final String DIRTY = "dirty-enrolments";

    private static final Logger LOG = LoggerFactory.getLogger(ProgressAggregatorTask.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Resolved once: the mapper would look the serializer up again for every event. */
    private static final ObjectWriter PROGRESS_WRITER = Json.MAPPER.writerFor(EnrolmentProgressEvent.class);
    /** Set by the runner's SIGTERM hook: each task then commits once more and asks to stop (see {@link #window}). */
    private static volatile boolean stopRequested;
    /** The stop's final commit was requested: nothing is emitted after it (see {@link #window}). */
    private boolean stopCommitted;

    private final ProgressAggregatorTaskFactory.Wiring wiring;
    private AggregatorConfig config;
    private ProgressSink sink;
    private KeyValueStore<String, EnrolmentState> states;
    private KeyValueStore<String, CourseStructureEvent> trees;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, String> dirtyStore;
    private SystemStream progressStream;
    private SystemStream completedStream;
    /** Parsed trees by course key, with the event they came from (the store holds the events). */
    private final Map<String, CachedTree> treeCache = new HashMap<>();
    /** Marked since the in-flight flush started (with {@link #flushing}: the keys of {@link #dirtyStore}). */
    private Set<String> dirty = new LinkedHashSet<>();
    /** The keys of the flush in flight, whose marks go once its writes are durable. */
    private Set<String> flushing = new LinkedHashSet<>();
    private CompletableFuture<Void> inFlight;
    /** Marks found at start: their last write may not have been durable, so they are written even when unchanged. */
    private final Set<String> restoredMarks = new java.util.HashSet<>();
    private TaskCounters counters;
    private long flushStartedAt;
    /** When the window last let a flush start (nanoTime); a longer window under a backlog counts from here. */
    private long windowFlushAt = System.nanoTime();
    /** Input lag (ms) at the last content-state event absorbed: its absorption time minus its Kafka timestamp. */
    private long inputLagMillis;
    /** Whether a content-state event was absorbed since the last window tick. */
    private boolean absorbedSinceTick;
    /** Window ticks in a row with nothing absorbed (two: the input is drained, see {@link FlushWindow}). */
    private int idleTicks;
    /** When the window last requested a commit (nanoTime); null until the first window, which commits at once. */
    private Long committedAt;

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
        dirtyStore = (KeyValueStore<String, String>) context.getTaskContext().getStore(DIRTY);
        progressStream = new SystemStream(wiring.system(), wiring.progressStream());
        completedStream = new SystemStream(wiring.system(), wiring.completedStream());
        sink = wiring.sinkFactory().open(config);
        counters = new TaskCounters(context.getTaskContext().getTaskModel().getTaskName().getTaskName());
        KeyValueIterator<String, String> it = dirtyStore.all();
        try {
            while (it.hasNext()) {
                String key = it.next().getKey(); // absorbed before a stop or crash, maybe not written
                dirty.add(key);
                restoredMarks.add(key);
            }
        } finally {
            it.close();
        }
        if (!dirty.isEmpty()) {
            LOG.info("{}: {} enrolments absorbed but not written before the last stop; written at the first flush",
                    context.getTaskContext().getTaskModel().getTaskName(), dirty.size());
        }
    }

    @Override
    public void processAsync(IncomingMessageEnvelope envelope, MessageCollector collector, TaskCoordinator coordinator,
                             TaskCallback callback) {
        try {
            boolean tree = envelope.getSystemStreamPartition().getStream().equals(wiring.courseStructureStream());
            if (tree) {
                onCourseStructure(envelope, collector);
            } else {
                long t0 = System.nanoTime();
                onContentState(envelope);
                counters.absorbed(System.nanoTime() - t0);
                long appended = envelope.getEventTime(); // the Kafka record's timestamp; 0 or less when unknown
                inputLagMillis = appended > 0 ? System.currentTimeMillis() - appended : 0;
                absorbedSinceTick = true;
                if (dirty.size() >= config.flushMaxDirty() && !stopCommitted) {
                    awaitInFlight(); // bounds the work (and memory) of one flush: at most two flushes' worth pending
                    startFlush(collector);
                }
            }
        } catch (RuntimeException e) {
            callback.failure(e); // the container stops; a restart replays from the last checkpoint
            return;
        }
        callback.complete();
    }

    /** Asks every task of this JVM to make a final commit and stop; the container ends when all have asked. */
    static void requestStop() {
        stopRequested = true;
    }

    @Override
    public void window(MessageCollector collector, TaskCoordinator coordinator) {
        if (inFlight != null && inFlight.isDone()) {
            awaitInFlight(); // durable (or failed: throws)
        }
        long now = System.nanoTime();
        idleTicks = absorbedSinceTick ? 0 : idleTicks + 1;
        if (inFlight == null && !stopCommitted && (stopRequested || config.flushWindow().due(
                (now - windowFlushAt) / 1_000_000, inputLagMillis, idleTicks))) {
            startFlush(collector); // caught up: every tick; behind: once per grown window (see FlushWindow)
            windowFlushAt = now;
        }
        absorbedSinceTick = false;
        counters.maybeLog(LOG, dirty.size() + flushing.size(), inputLagMillis,
                config.flushWindow().windowMillis(inputLagMillis));
        if (stopRequested && !stopCommitted) {
            drain(collector);
            requestCommit(coordinator, now); // the final checkpoint: covers everything emitted
            stopCommitted = true;
        } else if (stopRequested) {
            // Samza 1.8 writes a checkpoint on its commit pool and shuts the pool down as soon as the run loop ends,
            // which can refuse the final one. This second commit waits for it (task.commit.max.delay.ms=0, checked at
            // start); its own checkpoint may be refused, and that is safe: since the final one nothing was emitted, so
            // the inputs absorbed since are replayed once. The run loop ends when every task asked and none is pending.
            requestCommit(coordinator, now);
            coordinator.shutdown(TaskCoordinator.RequestScope.CURRENT_TASK);
        } else if (committedAt == null || now - committedAt >= config.commitMillis() * 1_000_000) {
            requestCommit(coordinator, now);
        }
    }

    /**
     * Hands every state write cached since the last commit to the changelog producer, then asks for a commit. Samza
     * runs it before this task's next message and flushes the producer before it reads the changelog offsets it
     * checkpoints, so the checkpoint covers those writes; a commit that flushed the caches itself would not.
     */
    private void requestCommit(TaskCoordinator coordinator, long now) {
        states.flush();
        trees.flush();
        index.flush();
        dirtyStore.flush();
        coordinator.commit(TaskCoordinator.RequestScope.CURRENT_TASK);
        committedAt = now;
    }

    @Override
    public void onEndOfStream(MessageCollector collector, TaskCoordinator coordinator) {
        drain(collector); // bounded inputs (tests): nothing absorbed stays unwritten
    }

    private void onContentState(IncomingMessageEnvelope envelope) {
        String key;
        EnrolmentState before;
        EnrolmentState after;
        try {
            EnrolmentInput input = ContentStateReader.read(bytes(envelope.getMessage()));
            key = knownKey(input);
            before = key == null ? null : states.get(key);
            if (before == null) { // a new enrolment (or malformed ids): every id is checked (throws when malformed)
                key = EventKeys.enrolmentKey(input.tenantId(), input.userId(), input.courseId(), input.batchId());
            }
            EnrolmentState base = before != null ? before
                    : EnrolmentState.empty(input.tenantId(), input.userId(), input.courseId(), input.batchId());
            after = base.absorb(input);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping malformed content-state event at {} offset {}: {}", envelope.getSystemStreamPartition(),
                    envelope.getOffset(), e.toString()); // a poison message must not stop every enrolment of the partition
            return;
        }
        if (after.equals(before)) {
            return; // a duplicate or an older state: nothing can change
        }
        if (before == null) {
            index.put(indexKey(after), key);
        }
        states.put(key, after);
        markDirty(key); // computed at the next flush (parked there while the course's tree is unknown)
    }

    /**
     * The enrolment key joined without checking the ids (4 regex matches an event, ~5 % of the job's allocation,
     * profiled), or null when an id is missing. Only a key found in the store is used: stored keys were all checked
     * when their enrolment was first absorbed, and no unchecked join can equal one (valid ids hold no '|' and are not
     * empty, so a join equal to a stored key has exactly the stored key's four ids).
     */
    private static String knownKey(EnrolmentInput input) {
        if (input.tenantId() == null || input.userId() == null || input.courseId() == null || input.batchId() == null) {
            return null; // "null" would be joined as text
        }
        return input.tenantId() + EventKeys.SEPARATOR + input.userId() + EventKeys.SEPARATOR + input.courseId()
                + EventKeys.SEPARATOR + input.batchId();
    }

    private void onCourseStructure(IncomingMessageEnvelope envelope, MessageCollector collector) {
        if (envelope.getMessage() == null) {
            String courseKey = new String(bytes(envelope.getKey()), StandardCharsets.UTF_8);
            drain(collector); // what was absorbed under the deleted tree is written first
            trees.delete(courseKey); // a deleted course: its enrolments stay parked until a tree comes back
            treeCache.remove(courseKey);
            return;
        }
        CourseStructureEvent event;
        CourseTree tree;
        try {
            event = Json.read(bytes(envelope.getMessage()), CourseStructureEvent.class);
            tree = event.tree();
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping malformed course-structure event at {} offset {}: {}",
                    envelope.getSystemStreamPartition(), envelope.getOffset(), e.toString());
            return;
        }
        String courseKey = event.key();
        CachedTree known = tree(courseKey);
        if (known != null && known.event().root().equals(event.root())) {
            return; // the same tree again (re-publish, compaction re-read): no enrolment can change
        }
        // inputs before a tree change are computed against the tree they met (a completion under it is emitted)
        drain(collector);
        trees.put(courseKey, event);
        treeCache.put(courseKey, new CachedTree(event, tree));
        // '}' follows '|' and every id character, so this range is exactly the keys of this course
        KeyValueIterator<String, String> it = index.range(courseKey + EventKeys.SEPARATOR, courseKey + "}");
        try {
            while (it.hasNext()) {
                markDirty(it.next().getValue());
            }
        } finally {
            it.close();
        }
    }

    private void markDirty(String key) {
        if (dirty.add(key) && !flushing.contains(key)) {
            dirtyStore.put(key, ""); // a key of the flush in flight already has its mark
        }
    }

    /** Writes everything absorbed so far and waits until it is durable (tree changes, stop, end of stream). */
    private void drain(MessageCollector collector) {
        awaitInFlight();
        while (!dirty.isEmpty()) { // each flush takes at most flush.max-dirty enrolments
            startFlush(collector);
            awaitInFlight();
        }
    }

    /** Computes every dirty enrolment once, emits its events and starts writing its rows (without waiting). */
    private void startFlush(MessageCollector collector) {
        if (dirty.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        // At most flush.max-dirty enrolments per flush: a tree change that marks a whole course is written in chunks.
        Set<String> batch = dirty;
        if (dirty.size() > config.flushMaxDirty()) {
            batch = new LinkedHashSet<>();
            Set<String> rest = new LinkedHashSet<>();
            for (String key : dirty) {
                (batch.size() < config.flushMaxDirty() ? batch : rest).add(key);
            }
            dirty = rest;
        } else {
            dirty = new LinkedHashSet<>();
        }
        List<EnrolmentAggregate> rows = new ArrayList<>();
        for (String key : batch) {
            EnrolmentState state = states.get(key);
            // the state's ids were checked when it was first absorbed: its course key is joined, not checked again
            CachedTree tree = state == null ? null
                    : tree(state.tenantId() + EventKeys.SEPARATOR + state.courseId());
            if (tree != null) { // no tree: parked, marked again when the tree arrives
                boolean restored = restoredMarks.remove(key); // only a computed key's restored mark is settled
                EnrolmentAggregate row = apply(key, state, tree, collector);
                if (row == null && restored) {
                    row = Aggregation.current(state, tree.tree(), treeTime(tree.event()), config.attemptCap());
                }
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        flushing = batch;
        inFlight = rows.isEmpty() ? DONE : sink.write(rows).toCompletableFuture();
        flushStartedAt = System.nanoTime();
        counters.flushStarted(rows.size(), flushStartedAt - t0);
    }

    /**
     * Waits for the flush in flight, then removes the marks of its enrolments not marked again since. A failed write
     * throws: the container stops and a restart replays from the last checkpoint, whose marks still name the enrolment.
     */
    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get(config.flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + flushing.size() + " enrolments", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("writing " + flushing.size() + " enrolments failed; their marks stay", e);
        }
        counters.flushDurable(System.nanoTime() - flushStartedAt);
        for (String key : flushing) {
            if (!dirty.contains(key)) {
                dirtyStore.delete(key);
            }
        }
        flushing = new LinkedHashSet<>();
        inFlight = null;
    }

    /** Steps the enrolment, stores the new state and emits its events; the aggregate to write, or null if unchanged. */
    private EnrolmentAggregate apply(String key, EnrolmentState state, CachedTree tree, MessageCollector collector) {
        Aggregation.Outcome outcome = Aggregation.step(state, tree.tree(), treeTime(tree.event()), config.attemptCap());
        if (outcome.progress() == null) {
            return null;
        }
        states.put(key, outcome.state());
        EnrolmentProgressEvent progress = outcome.progress().toEvent(outcome.version());
        send(collector, progressStream, key, PROGRESS_WRITER.writeValueAsBytes(progress)); // = progress.key()
        CourseCompletedEvent completed = outcome.completed();
        if (completed != null) {
            send(collector, completedStream, key, Json.writeBytes(completed)); // = completed.key()
        }
        return outcome.progress();
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

    private static void send(MessageCollector collector, SystemStream stream, String key, byte[] json) {
        // partitionKey is the String key: Samza partitions by its hashCode, stable across JVMs (a byte[]'s is not)
        collector.send(new OutgoingMessageEnvelope(stream, key, key.getBytes(StandardCharsets.UTF_8), json));
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
        if (inFlight != null) {
            try { // no write outlives the task; unfinished marks stay for the next start
                inFlight.get(config.flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("closing with a failed flush; its enrolments stay marked: {}", e.toString());
            }
        }
        if (sink != null) {
            sink.close();
        }
    }
}
