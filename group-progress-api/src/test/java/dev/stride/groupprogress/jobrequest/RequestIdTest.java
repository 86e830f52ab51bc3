package dev.stride.groupprogress.jobrequest;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    @Test
    void isTheFirst32HexDigitsOfSha256OverTheContractText() {
        // Expected values from: printf '%s' 'school-a|b1_u1|progress-exhaust|batchId=b1|csv' | sha256sum | cut -c1-32
        assertThat(RequestId.of("school-a", "b1_u1", "progress-exhaust", Map.of("batchId", "b1"), "csv"))
                .isEqualTo("8361f10d856fd0890753d41de971716f");
        assertThat(RequestId.of("school-a", "t", "course-summary", Map.of("courseId", "c1", "batchId", "b1"), "csv"))
                .isEqualTo("eca70b14dddd85adf3a395f0a98fe203");
    }

    @Test
    void datasetConfigKeyOrderDoesNotMatter() {
        Map<String, String> courseFirst = new LinkedHashMap<>();
        courseFirst.put("courseId", "c1");
        courseFirst.put("batchId", "b1");
        Map<String, String> batchFirst = new LinkedHashMap<>();
        batchFirst.put("batchId", "b1");
        batchFirst.put("courseId", "c1");
        assertThat(RequestId.of("t", "tag", "course-summary", courseFirst, "csv"))
                .isEqualTo(RequestId.of("t", "tag", "course-summary", batchFirst, "csv"));
    }

    @Test
    void everyPartChangesTheId() {
        String base = RequestId.of("t", "tag", "progress-exhaust", Map.of("batchId", "b1"), "csv");
        assertThat(RequestId.of("t2", "tag", "progress-exhaust", Map.of("batchId", "b1"), "csv")).isNotEqualTo(base);
        assertThat(RequestId.of("t", "tag2", "progress-exhaust", Map.of("batchId", "b1"), "csv")).isNotEqualTo(base);
        assertThat(RequestId.of("t", "tag", "response-exhaust", Map.of("batchId", "b1"), "csv")).isNotEqualTo(base);
        assertThat(RequestId.of("t", "tag", "progress-exhaust", Map.of("batchId", "b2"), "csv")).isNotEqualTo(base);
        assertThat(RequestId.of("t", "tag", "progress-exhaust", Map.of("batchId", "b1"), "json")).isNotEqualTo(base);
        assertThat(RequestId.isValid(base)).isTrue();
    }

    @Test
    void onlyLowercaseHexOf32DigitsIsAnId() {
        assertThat(RequestId.isValid("0123456789abcdef0123456789abcdef")).isTrue();
        assertThat(RequestId.isValid("0123456789ABCDEF0123456789abcdef")).isFalse();
        assertThat(RequestId.isValid("0123456789abcdef")).isFalse();
        assertThat(RequestId.isValid("0123456789abcdef0123456789abcdeg")).isFalse();
        assertThat(RequestId.isValid(null)).isFalse();
    }
}
