package dev.stride.ops.demo;

import dev.stride.core.event.Json;
import dev.stride.ops.bench.StrideClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo tenant through the public HTTP API, as an admin and learners would: learner profiles
 * (CSV import), course trees, one batch per course, enrolments and seeded progress. Safe to re-run:
 * batch ids are remembered under the stack home and updates are the same facts every time.
 */
public final class DemoData {
  public static final String TENANT = "demo";
  private static final Pattern BATCH_ID = Pattern.compile("\"batchId\"\\s*:\\s*\"([^\"]+)\"");

  private final StrideClient api;
  private final String adminToken;
  private final Function<String, String> learnerToken;
  private final Path stateFile;
  private final PrintStream out;

  public DemoData(StrideClient api, String adminToken, Function<String, String> learnerToken, Path stateFile, PrintStream out) {
    this.api = api;
    this.adminToken = adminToken;
    this.learnerToken = learnerToken;
    this.stateFile = stateFile;
    this.out = out;
  }

  public record Loaded(List<String> learners, List<String> courseIds, Properties batches) {}

  public Loaded load() throws IOException {
    String csv = resource("demo/learners.csv");
    expectOk(api.sendBody("POST", "/v1/user/import", adminToken, "text/csv", csv).join(), "user import");
    List<String> learners = csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();

    Properties batches = rememberedBatches();
    List<String> courseIds = new ArrayList<>();
    for (JsonNode course : Json.MAPPER.readTree(resource("demo/courses.json"))) {
      String courseId = course.get("courseId").asString();
      courseIds.add(courseId);
      api.ok("PUT", "/v1/course/hierarchy/" + courseId, adminToken,
          "{\"name\":" + Json.write(course.get("name").asString()) + ",\"children\":" + Json.write(course.get("children")) + "}");
      String batchId = batches.getProperty(courseId);
      if (batchId == null || api.send("GET", "/v1/course/batch/read/" + batchId, adminToken, null).join().status() != 200) {
        batchId = createBatch(courseId, course.get("name").asString());
        batches.setProperty(courseId, batchId);
      }
      enrolAndProgress(course, courseId, batchId, learners);
    }
    save(batches);
    out.printf("  demo tenant '%s': %d learners, %d courses, progress replayed%n", TENANT, learners.size(), courseIds.size());
    return new Loaded(learners, courseIds, batches);
  }

  /** A school group of every demo learner following every demo course (group-progress-api); remembered like the batches. */
  public String group(StrideClient groupsApi, Loaded loaded) throws IOException {
    Properties state = rememberedBatches();
    String groupId = state.getProperty("group");
    if (groupId != null && groupsApi.send("GET", "/v1/group/read/" + groupId, adminToken, null).join().status() == 200) {
      return groupId;
    }
    String members = loaded.learners().stream().map(u -> "{\"userId\":\"" + u + "\",\"role\":\"member\"}")
        .collect(java.util.stream.Collectors.joining(","));
    String activities = loaded.courseIds().stream().map(c -> "{\"id\":\"" + c + "\",\"type\":\"Course\"}")
        .collect(java.util.stream.Collectors.joining(","));
    String body = groupsApi.ok("POST", "/v1/group/create", adminToken, "{\"name\":\"Demo school: all teachers\",\"members\":["
        + members + "],\"activities\":[" + activities + "]}").body();
    Matcher m = Pattern.compile("\"groupId\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!m.find()) {
      throw new IOException("group/create gave no groupId: " + body);
    }
    state.setProperty("group", m.group(1));
    save(state);
    return m.group(1);
  }

  private void enrolAndProgress(JsonNode course, String courseId, String batchId, List<String> learners) throws IOException {
    List<JsonNode> leaves = new ArrayList<>();
    collectLeaves(course.get("children"), leaves);
    // seeded per course: every run replays the same facts, so a re-run changes nothing
    Random random = new Random(courseId.hashCode());
    Instant base = LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int i = 0; i < learners.size(); i++) {
      String user = learners.get(i);
      String token = learnerToken.apply(user);
      StrideClient.Response enrol = api.send("POST", "/v1/course/enrol", token,
          "{\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId + "\",\"userId\":\"" + user + "\"}").join();
      expectOk(enrol, "enrol " + user);
      int done = random.nextInt(leaves.size() + 1);
      List<String> contents = new ArrayList<>();
      List<String> assessments = new ArrayList<>();
      for (int c = 0; c < leaves.size() && c <= done; c++) {
        JsonNode leaf = leaves.get(c);
        String contentId = leaf.get("identifier").asString();
        boolean completed = c < done;
        Instant at = base.plus(i, ChronoUnit.HOURS).plus(c * 17L, ChronoUnit.MINUTES);
        contents.add("{\"contentId\":\"" + contentId + "\",\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId
            + "\",\"status\":" + (completed ? 2 : 1) + ",\"progress\":" + (completed ? 100 : 10 + random.nextInt(80))
            + ",\"lastAccessTime\":\"" + at + "\"}");
        if (completed && leaf.has("maxScore")) {
          double max = leaf.get("maxScore").asDouble();
          assessments.add(assessment(courseId, batchId, contentId, user, at, max, Math.round(max * (0.4 + 0.6 * random.nextDouble()))));
        }
      }
      expectOk(api.send("PATCH", "/v1/content/state/update", token, "{\"userId\":\"" + user + "\",\"contents\":["
          + String.join(",", contents) + "],\"assessments\":[" + String.join(",", assessments) + "]}").join(), "progress of " + user);
    }
  }

  private static String assessment(String courseId, String batchId, String contentId, String user, Instant at, double max, double score) {
    return "{\"contentId\":\"" + contentId + "\",\"courseId\":\"" + courseId + "\",\"batchId\":\"" + batchId + "\",\"userId\":\"" + user
        + "\",\"attemptId\":\"" + user + "-" + contentId + "-1\",\"assessmentTs\":" + at.toEpochMilli() + ",\"events\":[{\"eid\":\"ASSESS\","
        + "\"edata\":{\"item\":{\"id\":\"" + contentId + "-q1\",\"maxscore\":" + max + ",\"title\":\"Question 1\",\"type\":\"mcq\"},"
        + "\"score\":" + score + ",\"duration\":42,\"resvalues\":[]}}]}";
  }

  private static void collectLeaves(JsonNode nodes, List<JsonNode> leaves) {
    for (JsonNode node : nodes) {
      if (node.has("children")) {
        collectLeaves(node.get("children"), leaves);
      } else {
        leaves.add(node);
      }
    }
  }

  private String createBatch(String courseId, String courseName) throws IOException {
    String body = api.ok("POST", "/v1/course/batch/create", adminToken, "{\"courseId\":\"" + courseId + "\",\"name\":"
        + Json.write(courseName + " — demo batch") + ",\"startDate\":\"2026-10-01\",\"enrollmentType\":\"open\"}").body();
    Matcher m = BATCH_ID.matcher(body);
    if (!m.find()) {
      throw new IOException("batch/create gave no batchId: " + body);
    }
    return m.group(1);
  }

  private void save(Properties state) throws IOException {
    Files.createDirectories(stateFile.getParent());
    try (var w = Files.newBufferedWriter(stateFile)) {
      state.store(w, "stride demo: batch id per demo course, and the demo group");
    }
  }

  private Properties rememberedBatches() throws IOException {
    Properties p = new Properties();
    if (Files.exists(stateFile)) {
      try (var r = Files.newBufferedReader(stateFile)) {
        p.load(r);
      }
    }
    return p;
  }

  private static void expectOk(StrideClient.Response r, String what) throws IOException {
    if (r.status() != 200) {
      throw new IOException(what + " answered " + r.status() + ": " + r.body());
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
