package dev.stride.samza.progress;

import org.apache.samza.task.AsyncStreamTask;
import org.apache.samza.task.AsyncStreamTaskFactory;

import java.io.Serializable;

/** Creates the tasks with the physical streams resolved by {@link ProgressAggregatorApp}. */
final class ProgressAggregatorTaskFactory implements AsyncStreamTaskFactory {

    private static final long serialVersionUID = 1L;

    /** What a task needs from the application's description (Serializable with the factory). */
    record Wiring(String system, String courseStructureStream, String progressStream, String completedStream,
                  ProgressSinkFactory sinkFactory) implements Serializable {
    }

    private final Wiring wiring;

    ProgressAggregatorTaskFactory(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public AsyncStreamTask createInstance() {
        return new ProgressAggregatorTask(wiring);
    }
}
