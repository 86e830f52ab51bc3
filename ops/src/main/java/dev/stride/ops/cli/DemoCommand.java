package dev.stride.ops.cli;

import dev.stride.ops.bench.StrideClient;
import dev.stride.ops.demo.DemoData;
import dev.stride.ops.stack.Secrets;
import dev.stride.ops.stack.StackConfig;
import dev.stride.ops.stack.Tokens;
import java.io.IOException;
import java.time.Duration;
import dev.stride.ops.stack.StackException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The README's demo command: an ordered list of steps; each later capability adds one. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Brings up the demo: real servers, schema, services and sample data; prints where to look.")
final class DemoCommand implements Callable<Integer> {

  private static final Duration TOKEN_TTL = Duration.ofHours(12);
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([0-9a-f]+)\"");
  /** Filled by the demo-tenant step, printed by the last step. */
  private List<String> links = List.of();
  /** The demo's progress-report request, submitted by the demo-tenant step. */
  private String reportTag;
  private String reportRequestId;
  private String instructorToken;

  @Mixin StackOptions options;

  /** One step of the demo; a step must be safe to run again on a running demo. */
  record DemoStep(String title, StepBody body) {}

  interface StepBody {
    void run(StackConfig config) throws StackException;
  }

  List<DemoStep> steps() {
    return List.of(
        new DemoStep("start the servers and apply the schema", c -> UpCommand.upServers(c, System.out)),
        new DemoStep("start Druid and apply its specs", c -> UpCommand.upDruid(c, System.out)),
        new DemoStep("build and start the Stride applications", c -> UpCommand.upApplications(c, System.out)),
        new DemoStep("start the Druid feed", c -> UpCommand.upDruidApplications(c, System.out)),
        new DemoStep("load the demo tenant (learners, courses, batches, progress, a group)", this::loadDemoTenant),
        new DemoStep("print the endpoints and how to try them", c -> {
          Endpoints.print(c, System.out);
          tryIt(c);
        }));
  }

  private void loadDemoTenant(StackConfig config) throws StackException {
    try {
      String secret = Secrets.jwtSecret(config);
      String admin = Tokens.mint(secret, DemoData.TENANT, "demo-admin", List.of("ORG_ADMIN", "INSTRUCTOR"), "Demo Admin", TOKEN_TTL);
      DemoData demo = new DemoData(new StrideClient(config.contentStateApiUrl()), admin,
          user -> Tokens.mint(secret, DemoData.TENANT, user, List.of("LEARNER"), null, TOKEN_TTL),
          config.home().resolve("demo/batches.properties"), System.out);
      DemoData.Loaded loaded = demo.load();
      String groupId = demo.group(new StrideClient(config.groupProgressApiUrl()), loaded);
      String course = loaded.courseIds().get(0);
      String page = config.groupProgressApiUrl() + "/dashboard/index.html";
      // one instructor + group-admin token opens both views; it rides in the fragment, never sent to a server log
      String token = Tokens.mint(secret, DemoData.TENANT, "demo-instructor", List.of("INSTRUCTOR", "GROUP_ADMIN", "ORG_ADMIN"),
          "Demo Instructor", TOKEN_TTL);
      instructorToken = token;
      requestReport(config, loaded.batches().getProperty(course));
      links = List.of(
          "  Batch dashboard: " + page + "?course=" + course + "&batch=" + loaded.batches().getProperty(course) + "#token=" + token,
          "  Group heat map:  " + page + "?view=group&group=" + groupId + "#token=" + token);
    } catch (IOException | RuntimeException e) {
      throw new StackException("loading the demo tenant failed: " + e.getMessage());
    }
  }

  /** Submits a progress report of the first batch; the report generator picks it up within seconds. */
  private void requestReport(StackConfig config, String batchId) throws IOException {
    reportTag = batchId + "_demo-instructor";
    String body = "{\"tag\":\"" + reportTag + "\",\"dataset\":\"progress-exhaust\",\"datasetConfig\":{\"batchId\":\""
        + batchId + "\"},\"output_format\":\"csv\"}";
    String answer = new StrideClient(config.groupProgressApiUrl()).ok("POST", "/v1/jobrequest/submit", instructorToken, body).body();
    Matcher m = REQUEST_ID.matcher(answer);
    reportRequestId = m.find() ? m.group(1) : null;
  }

  private void tryIt(StackConfig config) throws StackException {
    System.out.println();
    System.out.println("Open the live dashboard (a demo instructor's token is in the link):");
    links.forEach(System.out::println);
    try {
      String learner = Tokens.mint(Secrets.jwtSecret(config), DemoData.TENANT, "demo-learner-01", List.of("LEARNER"), null, TOKEN_TTL);
      String api = config.contentStateApiUrl();
      System.out.println();
      System.out.println("Try it (a learner's token, valid 12 h; mint others with: ops/stride token --tenant demo --user U --roles R):");
      System.out.println("  TOKEN=" + learner);
      System.out.println("  curl -s " + api + "/v1/user/courses/list/demo-learner-01 -H \"Authorization: Bearer $TOKEN\"");
      System.out.println("  curl -s -X PATCH " + api + "/v1/content/state/update -H \"Authorization: Bearer $TOKEN\" \\");
      System.out.println("       -H 'Content-Type: application/json' -d '{\"request\":{\"userId\":\"demo-learner-01\",\"contents\":"
          + "[{\"contentId\":\"py-hello\",\"courseId\":\"demo-python-basics\",\"batchId\":\"<batchId from the list>\",\"status\":2}]}}'");
      if (reportRequestId != null) {
        String groups = config.groupProgressApiUrl();
        System.out.println();
        System.out.println("A progress report of the first batch was requested; the report generator writes it within seconds:");
        System.out.println("  ADMIN=" + instructorToken);
        System.out.println("  curl -s '" + groups + "/v1/jobrequest/read/" + reportTag + "?requestId=" + reportRequestId
            + "' -H \"Authorization: Bearer $ADMIN\"");
        System.out.println("  curl -s -OJ '" + groups + "/v1/jobrequest/download/" + reportTag + "?requestId=" + reportRequestId
            + "' -H \"Authorization: Bearer $ADMIN\"");
      }
    } catch (IOException e) {
      throw new StackException("cannot mint the demo token: " + e.getMessage());
    }
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
