package dev.stride.druid.specs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Druid's admin HTTP API on the coordinator (which is the overlord too in Stride's cluster). Every call is an upsert:
 * a supervisor spec posted for a datasource that has one replaces it (one supervisor per datasource id), rules and
 * compaction configs are replaced as a whole, so applying twice leaves the same state as applying once.
 */
public final class DruidAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String coordinator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** @param coordinator e.g. {@code http://127.0.0.1:8081} */
    public DruidAdmin(String coordinator) {
        this.coordinator = coordinator.endsWith("/") ? coordinator.substring(0, coordinator.length() - 1) : coordinator;
    }

    /** Submits (or updates) the target's supervisor, its retention rules and its auto-compaction config. */
    public void apply(SupervisorTarget target) {
        post("/druid/indexer/v1/supervisor", DruidSpecs.supervisor(target));
        post("/druid/coordinator/v1/rules/" + path(target.datasource()), DruidSpecs.retentionRules());
        post("/druid/coordinator/v1/config/compaction", DruidSpecs.compaction(target.datasource()));
    }

    /** Compaction shares the indexer's task slots with ingestion: at most one compaction task at a time. */
    public void limitCompactionSlots() {
        post("/druid/coordinator/v1/config/compaction/taskslots?ratio=0.1&max=1", "");
    }

    /** The ids of the supervisors the overlord runs (an id is its datasource's name). */
    public List<String> supervisorIds() {
        return strings(get("/druid/indexer/v1/supervisor"));
    }

    /** The supervisor's spec as Druid stores it (JSON text). */
    public String supervisorSpec(String id) {
        return get("/druid/indexer/v1/supervisor/" + path(id));
    }

    /** The datasource's retention rules as Druid stores them (JSON text). */
    public String rules(String datasource) {
        return get("/druid/coordinator/v1/rules/" + path(datasource));
    }

    /** The datasource's auto-compaction config (JSON text). */
    public String compaction(String datasource) {
        return get("/druid/coordinator/v1/config/compaction/" + path(datasource));
    }

    /** Stops a supervisor and its tasks (their rows stay queryable once handed off); for tests' private datasources. */
    public void terminate(String supervisorId) {
        post("/druid/indexer/v1/supervisor/" + path(supervisorId) + "/terminate", "");
    }

    /** Removes a private datasource's auto-compaction config and rules (test clean-up). */
    public void forget(String datasource) {
        send(HttpRequest.newBuilder(uri("/druid/coordinator/v1/config/compaction/" + path(datasource))).DELETE(), true);
        post("/druid/coordinator/v1/rules/" + path(datasource), "[]");
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), false);
    }

    private String send(HttpRequest.Builder request, boolean notFoundIsFine) {
        HttpRequest r = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code / 100 == 2 || (notFoundIsFine && code == 404)) {
                return response.body();
            }
            throw new DruidAdminException(r.method() + " " + r.uri() + " answered " + code + ": " + response.body());
        } catch (IOException e) {
            throw new DruidAdminException("Druid at " + coordinator + " did not answer " + r.method() + " " + r.uri()
                    + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DruidAdminException("interrupted while calling Druid at " + coordinator);
        }
    }

    private URI uri(String path) {
        return URI.create(coordinator + path);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    /** The strings of a flat JSON array of strings, e.g. the supervisor list. */
    static List<String> strings(String jsonArray) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(jsonArray);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Druid refused a call or could not be reached. */
    public static final class DruidAdminException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DruidAdminException(String message) {
            super(message);
        }
    }
}
