package dev.stride.groupprogress.web;

import dev.stride.core.event.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachedAnswersTest {

    @Test
    void ifNoneMatchUsesWeakComparison() {
        String tag = "abcDEF-_12";
        assertThat(CachedAnswers.matches(List.of("W/\"abcDEF-_12\""), tag)).isTrue();
        assertThat(CachedAnswers.matches(List.of("\"abcDEF-_12\""), tag)).isTrue();
        assertThat(CachedAnswers.matches(List.of("\"x\", W/\"abcDEF-_12\""), tag)).isTrue();
        assertThat(CachedAnswers.matches(List.of("*"), tag)).isTrue();
        assertThat(CachedAnswers.matches(List.of(), tag)).isFalse();
        assertThat(CachedAnswers.matches(List.of("W/\"abcDEF-_1\""), tag)).isFalse();
        assertThat(CachedAnswers.matches(List.of("abcDEF-_12"), tag)).as("unquoted is not an entity tag").isFalse();
        assertThat(CachedAnswers.matches(List.of("W/\"abcDEF-_123\""), tag)).isFalse();
    }

    @Test
    void envelopePartsWrapAResultIntoTheUsualEnvelope() {
        JsonMapper mapper = Json.MAPPER;
        byte[][] parts = new CachedAnswers(mapper).envelope("api.group.progress");
        String body = new String(parts[0], StandardCharsets.UTF_8) + "{\"groupId\":\"g1\"}" + new String(parts[1], StandardCharsets.UTF_8);
        JsonNode node = mapper.readTree(body);
        assertThat(node.path("id").asString()).isEqualTo("api.group.progress");
        assertThat(node.path("responseCode").asString()).isEqualTo("OK");
        assertThat(node.path("params").path("status").asString()).isEqualTo("successful");
        assertThat(node.path("params").path("resmsgid").asString()).hasSize(36);
        assertThat(node.path("result").path("groupId").asString()).isEqualTo("g1");
        assertThat(new CachedAnswers(mapper).envelope("x")[0]).as("resmsgid is per response").isNotEqualTo(
                new CachedAnswers(mapper).envelope("x")[0]);
    }
}
