package dev.stride.samza.druidfeed;

import org.apache.samza.task.StreamTask;
import org.apache.samza.task.StreamTaskFactory;

import java.io.Serializable;

/** Creates the tasks with the physical streams resolved by {@link DruidFeedApp}. */
final class DruidFeedTaskFactory implements StreamTaskFactory {

    private static final long serialVersionUID = 1L;

    /** What a task needs from the application's description (Serializable with the factory). */
    record Wiring(String system, String courseStructureStream, String enrolmentProgressStream,
                  String learnerProgressOutput, String enrolmentProgressOutput) implements Serializable {
    }

    private final Wiring wiring;

    DruidFeedTaskFactory(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public StreamTask createInstance() {
        return new DruidFeedTask(wiring);
    }
}
