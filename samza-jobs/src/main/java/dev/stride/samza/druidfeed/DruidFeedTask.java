package dev.stride.samza.druidfeed;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseStructureEvent;
import dev.stride.core.event.EnrolmentProgressEvent;
import dev.stride.core.event.EventKeys;
import dev.stride.core.event.Json;
import org.apache.samza.system.IncomingMessageEnvelope;
import org.apache.samza.system.OutgoingMessageEnvelope;
import org.apache.samza.system.SystemStream;
import org.apache.samza.task.MessageCollector;
import org.apache.samza.task.StreamTask;
import org.apache.samza.task.TaskCoordinator;
import org.apache.samza.task.WindowableTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Druid feed's task: content-state and enrolment-progress events in, Druid rows out, keyed like their input.
 *
 * <p>It keeps no state but the course trees, which arrive on a broadcast bootstrap stream re-read from the start at
 * every start, so they are known before the first event is mapped. Output is at-least-once (a crash replays from the
 * last checkpoint); every row carries a deterministic {@code row_id}, and the queries are written so a repeated row
 * changes no answer (druid-specs/README.md).
 */
final class DruidFeedTask implements StreamTask, WindowableTask {

    private static final Logger LOG = LoggerFactory.getLogger(DruidFeedTask.class);
    /** Set by the runner's SIGTERM hook: each task then commits once more and asks to stop. */
    private static volatile boolean stopRequested;

    private final DruidFeedTaskFactory.Wiring wiring;
    private final SystemStream learnerOut;
    private final SystemStream enrolmentOut;
    /** Course key (tenant|course) → its current tree. */
    private final Map<String, CourseTree> trees = new HashMap<>();

    DruidFeedTask(DruidFeedTaskFactory.Wiring wiring) {
        this.wiring = wiring;
        this.learnerOut = new SystemStream(wiring.system(), wiring.learnerProgressOutput());
        this.enrolmentOut = new SystemStream(wiring.system(), wiring.enrolmentProgressOutput());
    }

    static void requestStop() {
        stopRequested = true;
    }

    @Override
    public void process(IncomingMessageEnvelope envelope, MessageCollector collector, TaskCoordinator coordinator) {
        String stream = envelope.getSystemStreamPartition().getStream();
        try {
            if (stream.equals(wiring.courseStructureStream())) {
                onCourseStructure(envelope);
            } else if (stream.equals(wiring.enrolmentProgressStream())) {
                EnrolmentProgressEvent e = Json.read(bytes(envelope.getMessage()), EnrolmentProgressEvent.class);
                collector.send(new OutgoingMessageEnvelope(enrolmentOut, key(e.key()), Json.writeBytes(DruidRows.enrolmentRow(e))));
            } else {
                ContentStateEvent e = Json.read(bytes(envelope.getMessage()), ContentStateEvent.class);
                CourseTree tree = trees.get(EventKeys.courseKey(e.tenantId(), e.courseId()));
                for (LearnerProgressRow row : DruidRows.learnerRows(e, tree)) {
                    collector.send(new OutgoingMessageEnvelope(learnerOut, key(e.key()), Json.writeBytes(row)));
                }
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // a poison message must not stop the feed of every other enrolment of the partition
            LOG.warn("skipping malformed event at {} offset {}: {}", envelope.getSystemStreamPartition(),
                    envelope.getOffset(), e.toString());
        }
    }

    private void onCourseStructure(IncomingMessageEnvelope envelope) {
        if (envelope.getMessage() == null) {
            trees.remove(new String(bytes(envelope.getKey()), StandardCharsets.UTF_8)); // a deleted course
            return;
        }
        CourseStructureEvent e = Json.read(bytes(envelope.getMessage()), CourseStructureEvent.class);
        trees.put(e.key(), e.tree());
    }

    @Override
    public void window(MessageCollector collector, TaskCoordinator coordinator) {
        if (stopRequested) {
            coordinator.commit(TaskCoordinator.RequestScope.CURRENT_TASK);
            coordinator.shutdown(TaskCoordinator.RequestScope.CURRENT_TASK);
        }
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object message) {
        return message instanceof byte[] b ? b : ((String) message).getBytes(StandardCharsets.UTF_8);
    }
}
