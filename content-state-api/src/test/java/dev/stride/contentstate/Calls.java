package dev.stride.contentstate;

import dev.stride.core.event.Json;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers over WebTestClient: raw JSON in, status and envelope out. */
final class Calls {

    record Response(int status, JsonNode body) {

        JsonNode result() {
            return body.path("result");
        }

        String err() {
            return body.path("params").path("err").asString(null);
        }

        String errmsg() {
            return body.path("params").path("errmsg").asString(null);
        }

        Response expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        /** A failure envelope with the stable code and a message naming {@code field}. */
        Response expectError(int expectedStatus, String err, String field) {
            expect(expectedStatus);
            assertThat(body.path("params").path("status").asString()).isEqualTo("failed");
            assertThat(err()).isEqualTo(err);
            assertThat(errmsg()).contains(field);
            return this;
        }
    }

    private final WebTestClient client;

    Calls(WebTestClient client) {
        this.client = client;
    }

    Response call(HttpMethod method, String path, String token, Object body) {
        var spec = client.method(method).uri(path);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body instanceof String s ? s : Json.write(body));
        }
        var result = spec.exchange().expectBody(String.class).returnResult();
        String text = result.getResponseBody();
        return new Response(result.getStatus().value(), text == null || text.isEmpty() ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(text));
    }

    static Map<String, Object> req(Object request) {
        return Map.of("id", "api.test", "ver", "v1", "request", request);
    }

    Response putTree(String admin, String courseId, List<String> leaves) {
        List<Map<String, Object>> children = leaves.stream().map(id -> Map.<String, Object>of("identifier", id)).toList();
        return call(HttpMethod.PUT, "/v1/course/hierarchy/" + courseId, admin,
                req(Map.of("name", "Course " + courseId, "children", List.of(Map.of("identifier", courseId + "-unit",
                        "name", "Unit 1", "children", children)))));
    }

    String createBatch(String admin, String courseId, LocalDate start, LocalDate end) {
        Response r = call(HttpMethod.POST, "/v1/course/batch/create", admin, req(Map.of("courseId", courseId,
                "name", "Batch of " + courseId, "startDate", start.toString(), "endDate", end.toString(),
                "enrollmentType", "open"))).expect(200);
        return r.result().path("batchId").asString();
    }

    Response enrol(String token, String courseId, String batchId, String userId) {
        return call(HttpMethod.POST, "/v1/course/enrol", token,
                req(Map.of("courseId", courseId, "batchId", batchId, "userId", userId)));
    }

    Response update(String token, String userId, List<Map<String, Object>> contents) {
        return call(HttpMethod.PATCH, "/v1/content/state/update", token,
                req(Map.of("userId", userId, "contents", contents)));
    }

    Response read(String token, String userId, String courseId, String batchId) {
        return call(HttpMethod.POST, "/v1/content/state/read", token,
                req(Map.of("userId", userId, "courseId", courseId, "batchId", batchId, "fields", List.of("progress", "score"))));
    }
}
