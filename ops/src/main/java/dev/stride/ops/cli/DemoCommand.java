package dev.stride.ops.cli;

import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.StackException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The README's demo command: an ordered list of steps; each later capability adds one. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Brings up the demo: real servers, schema, services and sample data; prints where to look.")
final class DemoCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  /** One step of the demo; a step must be safe to run again on a running demo. */
  record DemoStep(String title, StepBody body) {}

  interface StepBody {
    void run(StackConfig config) throws StackException;
  }

  static List<DemoStep> steps() {
    return List.of(
        new DemoStep("start the servers and apply the schema", c -> UpCommand.upServers(c, System.out)),
        new DemoStep("build and start the Stride applications", c -> UpCommand.upApplications(c, System.out)),
        new DemoStep("print the endpoints", c -> Endpoints.print(c, System.out)));
  }

  @Override
  public Integer call() {
    StackConfig config = options.config();
    List<DemoStep> steps = steps();
    for (int i = 0; i < steps.size(); i++) {
      DemoStep step = steps.get(i);
      System.out.printf("[%d/%d] %s%n", i + 1, steps.size(), step.title());
      try {
        step.body().run(config);
      } catch (StackException e) {
        System.err.println("stride demo failed at '" + step.title() + "': " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }
}
