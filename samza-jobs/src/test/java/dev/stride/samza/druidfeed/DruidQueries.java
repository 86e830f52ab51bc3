package dev.stride.samza.druidfeed;

import dev.stride.core.event.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Druid SQL over HTTP for the tests, with exact distinct counts. A datasource no row has reached yet ("Object ...
 * not found") answers no rows.
 */
final class DruidQueries {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String broker;

    DruidQueries(String broker) {
        this.broker = broker;
    }

    /** Rows as lists of values (Druid's "array" result format); {@code params} bind the SQL's {@code ?} in order. */
    List<List<Object>> rows(String sql, Object... params) throws IOException, InterruptedException {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("query", sql);
        var parameters = body.putArray("parameters");
        for (Object p : params) {
            ObjectNode param = parameters.addObject();
            if (p instanceof Long n) {
                param.put("type", "BIGINT").put("value", n);
            } else {
                param.put("type", "VARCHAR").put("value", (String) p);
            }
        }
        body.put("resultFormat", "array");
        ObjectNode context = body.putObject("context");
        context.put("useApproximateCountDistinct", false);
        context.put("sqlTimeZone", "Etc/UTC");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(broker + "/druid/v2/sql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            if (r.body().contains("not found")) {
                return List.of(); // the datasource exists only once its first row arrived
            }
            throw new IllegalStateException("Druid SQL answered " + r.statusCode() + ": " + r.body() + "\n" + sql);
        }
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode row : Json.MAPPER.readTree(r.body())) {
            List<Object> values = new ArrayList<>();
            for (JsonNode v : row) {
                values.add(v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble()
                        : v.asString());
            }
            out.add(values);
        }
        return out;
    }

    long count(String sql) throws IOException, InterruptedException {
        List<List<Object>> rows = rows(sql);
        return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }
}
