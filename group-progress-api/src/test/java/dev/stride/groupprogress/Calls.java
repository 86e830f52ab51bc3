package dev.stride.groupprogress;

import dev.stride.core.event.Json;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers over WebTestClient: raw JSON in, status, headers and envelope out. */
final class Calls {

    record Response(int status, JsonNode body, HttpHeaders headers, String text) {

        JsonNode result() {
            return body.path("result");
        }

        String err() {
            return body.path("params").path("err").asString(null);
        }

        String errmsg() {
            return body.path("params").path("errmsg").asString(null);
        }

        String header(String name) {
            return headers.getFirst(name);
        }

        Response expect(int expected) {
            assertThat(status).as("status of %s", text).isEqualTo(expected);
            return this;
        }

        /** A failure envelope with the stable code and a message naming {@code field}. */
        Response expectError(int expectedStatus, String err, String field) {
            expect(expectedStatus);
            assertThat(body.path("params").path("status").asString()).isEqualTo("failed");
            assertThat(body.path("responseCode").asString()).isNotBlank();
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
        JsonNode json = text == null || text.isEmpty() || !text.startsWith("{") ? Json.MAPPER.createObjectNode()
                : Json.MAPPER.readTree(text);
        return new Response(result.getStatus().value(), json, result.getResponseHeaders(), text);
    }

    Response get(String path, String token) {
        return call(HttpMethod.GET, path, token, null);
    }

    static Map<String, Object> req(Object request) {
        return Map.of("id", "api.test", "ver", "v1", "request", request);
    }

    String createGroup(String token, String name, List<Map<String, Object>> members, List<String> courses) {
        List<Map<String, Object>> activities = courses.stream().map(c -> Map.<String, Object>of("id", c, "type", "Course")).toList();
        return call(HttpMethod.POST, "/v1/group/create", token,
                req(Map.of("name", name, "members", members, "activities", activities)))
                .expect(200).result().path("groupId").asString();
    }

    Response membership(String token, String groupId, Map<String, Object> members) {
        return call(HttpMethod.PATCH, "/v1/group/membership/update", token,
                req(Map.of("groupId", groupId, "members", members)));
    }

    Response agg(String token, String groupId, String activityId) {
        return call(HttpMethod.POST, "/v1/group/activity/agg", token,
                req(Map.of("groupId", groupId, "activityId", activityId, "activityType", "Course")));
    }

    static Map<String, Object> member(String userId, String role) {
        return Map.of("userId", userId, "role", role);
    }
}
