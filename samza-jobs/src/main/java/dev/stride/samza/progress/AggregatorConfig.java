package dev.stride.samza.progress;

import org.apache.samza.config.Config;
import org.apache.samza.config.TaskConfig;

import java.time.Duration;

/** The aggregator's own settings ({@code stride.*} keys of the job config; env overrides in {@link ProgressAggregatorMain}). */
public record AggregatorConfig(String contentStateTopic, String courseStructureTopic, String enrolmentProgressTopic,
                               String courseCompletedTopic, int topicPartitions, short topicReplication,
                               String cassandraContactPoints, String cassandraDatacenter, String keyspace,
                               int cassandraMaxInFlight, int attemptCap, int flushMaxDirty, Duration flushTimeout,
                               FlushWindow flushWindow, long commitMillis) {

    public static final String CONTENT_STATE_TOPIC = "stride.topic.content-state";
    public static final String COURSE_STRUCTURE_TOPIC = "stride.topic.course-structure";
    public static final String ENROLMENT_PROGRESS_TOPIC = "stride.topic.enrolment-progress";
    public static final String COURSE_COMPLETED_TOPIC = "stride.topic.course-completed";
    public static final String TOPIC_PARTITIONS = "stride.topic.partitions";
    public static final String TOPIC_REPLICATION = "stride.topic.replication-factor";
    public static final String CASSANDRA = "stride.cassandra.contact-points";
    public static final String CASSANDRA_DC = "stride.cassandra.datacenter";
    public static final String KEYSPACE = "stride.cassandra.keyspace";
    public static final String CASSANDRA_MAX_IN_FLIGHT = "stride.cassandra.max-in-flight";
    public static final String ATTEMPT_CAP = "stride.assessment.attempts-limit";
    /** Dirty enrolments of a task that force a flush before the next window (bounds one flush's work and memory). */
    public static final String FLUSH_MAX_DIRTY = "stride.flush.max-dirty";
    /** How long a flush waits for its Cassandra writes before failing the container (a restart replays). */
    public static final String FLUSH_TIMEOUT_MS = "stride.flush.timeout.ms";
    /** Samza's window tick: the flush window while the task is caught up. */
    public static final String WINDOW_MS = "task.window.ms";
    /** The longest flush window under a backlog ({@link FlushWindow}); set it to task.window.ms to keep it fixed. */
    public static final String FLUSH_WINDOW_MAX_MS = "stride.flush.window-max.ms";
    /** The part of the input lag a flush window may add under a backlog ({@link FlushWindow}). */
    public static final String FLUSH_LAG_SHARE = "stride.flush.lag-share";
    /** The input lag from which the flush window grows ({@link FlushWindow}): below it the job counts as caught up. */
    public static final String FLUSH_BACKLOG_LAG_MS = "stride.flush.backlog-lag.ms";
    /** How often each task checkpoints; it asks for the commit itself ({@link ProgressAggregatorTask#window}). */
    public static final String COMMIT_MS = "stride.commit.ms";
    /** Samza's own commit timer: must be off (-1) for this job, see {@link #checkSamzaCommitSettings}. */
    public static final String SAMZA_COMMIT_MS = TaskConfig.COMMIT_MS;
    /** How long a commit requested while the last one is still writing its checkpoint is skipped: 0 here (it waits). */
    public static final String SAMZA_COMMIT_MAX_DELAY_MS = TaskConfig.COMMIT_MAX_DELAY_MS;

    public static AggregatorConfig from(Config c) {
        return new AggregatorConfig(
                c.get(CONTENT_STATE_TOPIC, "stride.content-state"),
                c.get(COURSE_STRUCTURE_TOPIC, "stride.course-structure"),
                c.get(ENROLMENT_PROGRESS_TOPIC, "stride.enrolment-progress"),
                c.get(COURSE_COMPLETED_TOPIC, "stride.course-completed"),
                c.getInt(TOPIC_PARTITIONS, 3),
                c.getShort(TOPIC_REPLICATION, (short) 1),
                c.get(CASSANDRA, "127.0.0.1:9042"),
                c.get(CASSANDRA_DC, "datacenter1"),
                c.get(KEYSPACE, "stride"),
                c.getInt(CASSANDRA_MAX_IN_FLIGHT, 128),
                c.getInt(ATTEMPT_CAP, 25),
                c.getInt(FLUSH_MAX_DIRTY, 5_000),
                Duration.ofMillis(c.getLong(FLUSH_TIMEOUT_MS, 60_000)),
                flushWindow(c),
                c.getLong(COMMIT_MS, 5_000));
    }

    /**
     * Samza 1.8 commits by flushing its producers first and its stores' object caches after, then reads the changelogs'
     * newest offsets for the checkpoint: state records a cache flush hands to the producer at that point may not be in
     * Kafka yet, and a restore stops at the checkpointed offset and trims the rest, losing them. The task therefore
     * flushes its stores and requests each commit itself; Samza's timer would commit without that first flush.
     *
     * <p>Samza 1.8 writes a commit's checkpoint asynchronously and shuts its commit pool down right after the run loop
     * ends, so a stop's final checkpoint can be refused ({@code RejectedExecutionException}) and the restart replays
     * what was already emitted. The task's stop makes a second commit, which with {@code task.commit.max.delay.ms=0}
     * waits for the first one's checkpoint instead of being skipped (see {@link ProgressAggregatorTask#window}).
     */
    static void checkSamzaCommitSettings(Config c) {
        TaskConfig samza = new TaskConfig(c); // reads each key with Samza's own default (60 s for both)
        if (samza.getCommitMs() > 0) {
            throw new IllegalArgumentException(SAMZA_COMMIT_MS + " must be -1 for the progress aggregator (its tasks "
                    + "commit every " + COMMIT_MS + " after flushing their stores), got " + samza.getCommitMs());
        }
        if (samza.getCommitMaxDelayMs() != 0) {
            throw new IllegalArgumentException(SAMZA_COMMIT_MAX_DELAY_MS + " must be 0 for the progress aggregator (a "
                    + "stop waits for its final checkpoint by committing again), got " + samza.getCommitMaxDelayMs());
        }
    }

    private static FlushWindow flushWindow(Config c) {
        long base = c.getLong(WINDOW_MS, 500);
        return new FlushWindow(base, c.getLong(FLUSH_WINDOW_MAX_MS, Math.max(base, 10_000)),
                c.getDouble(FLUSH_LAG_SHARE, 1.0), c.getLong(FLUSH_BACKLOG_LAG_MS, 2_000));
    }
}
