package dev.stride.groupprogress.jobrequest;

import dev.stride.core.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitRequestTest {

    static final String ME = "teacher";

    static SubmitRequest req(String tag, String dataset, Map<String, Object> config, String format) {
        return new SubmitRequest(tag, ME, dataset, config, format);
    }

    static List<String> errors(SubmitRequest r) {
        return r.errors(ME).stream().map(FieldError::message).toList();
    }

    @Test
    void wellFormedRequestsOfEveryDatasetPass() {
        assertThat(errors(req("b1_teacher", "progress-exhaust", Map.of("batchId", "b1"), "csv"))).isEmpty();
        assertThat(errors(req("b1_teacher", "response-exhaust", Map.of("batchId", "b1"), null))).isEmpty();
        assertThat(errors(req("g", "group-progress", Map.of("groupId", "g-1"), "csv"))).isEmpty();
        assertThat(errors(req("c", "course-summary", Map.of("courseId", "do_1"), "csv"))).isEmpty();
        assertThat(errors(req("c", "course-summary", Map.of("courseId", "do_1", "batchId", "b1"), "csv"))).isEmpty();
        assertThat(errors(new SubmitRequest("t", null, "progress-exhaust", Map.of("batchId", "b1"), null))).isEmpty();
    }

    @Test
    void outputFormatDefaultsToCsvAndNothingElseIsAccepted() {
        assertThat(req("t", "progress-exhaust", Map.of("batchId", "b1"), null).outputFormatOrDefault()).isEqualTo("csv");
        assertThat(errors(req("t", "progress-exhaust", Map.of("batchId", "b1"), "json")))
                .containsExactly("request.output_format must be csv: json");
        assertThat(errors(req("t", "progress-exhaust", Map.of("batchId", "b1"), "CSV")))
                .containsExactly("request.output_format must be csv: CSV");
    }

    @Test
    void tagIsRequiredAndChecked() {
        assertThat(errors(req(null, "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.tag is required");
        assertThat(errors(req(" ", "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.tag is required");
        assertThat(errors(req("b1 teacher", "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.tag " + Tag.RULE);
        assertThat(errors(req("x".repeat(Tag.MAX_LENGTH + 1), "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.tag " + Tag.RULE);
        assertThat(errors(req("x".repeat(Tag.MAX_LENGTH), "progress-exhaust", Map.of("batchId", "b1"), "csv"))).isEmpty();
        assertThat(errors(req("a|b", "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.tag " + Tag.RULE);
    }

    @Test
    void datasetIsRequiredAndMustBeKnown() {
        assertThat(errors(req("t", null, Map.of("batchId", "b1"), "csv"))).containsExactly("request.dataset is required");
        assertThat(errors(req("t", "user-exhaust", Map.of("batchId", "b1"), "csv"))).containsExactly(
                "request.dataset must be one of progress-exhaust, response-exhaust, group-progress, course-summary: user-exhaust");
    }

    @Test
    void eachDatasetNeedsItsOwnKey() {
        assertThat(errors(req("t", "progress-exhaust", null, "csv")))
                .containsExactly("request.datasetConfig.batchId is required");
        assertThat(errors(req("t", "response-exhaust", Map.of(), "csv")))
                .containsExactly("request.datasetConfig.batchId is required");
        assertThat(errors(req("t", "group-progress", Map.of("batchId", "b1"), "csv"))).containsExactly(
                "request.datasetConfig.groupId is required",
                "request.datasetConfig.batchId is not a setting of group-progress");
        assertThat(errors(req("t", "course-summary", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.datasetConfig.courseId is required");
        Map<String, Object> nullBatch = new HashMap<>();
        nullBatch.put("batchId", null);
        assertThat(errors(req("t", "progress-exhaust", nullBatch, "csv")))
                .containsExactly("request.datasetConfig.batchId is required");
    }

    @Test
    void configValuesAreStringIdsAndUnknownKeysAreRefused() {
        assertThat(errors(req("t", "progress-exhaust", Map.of("batchId", "b 1"), "csv")))
                .containsExactly("request.datasetConfig.batchId must be 1-128 characters of A-Z a-z 0-9 _ . : @ -");
        assertThat(errors(req("t", "progress-exhaust", Map.of("batchId", 42), "csv")))
                .containsExactly("request.datasetConfig.batchId must be a string");
        assertThat(errors(req("t", "progress-exhaust", Map.of("batchId", "b1", "courseId", "c1"), "csv")))
                .containsExactly("request.datasetConfig.courseId is not a setting of progress-exhaust");
    }

    @Test
    void requestedByIsTheCallerWhenGiven() {
        assertThat(errors(new SubmitRequest("t", "someone-else", "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.requestedBy must be the caller's own user id: someone-else");
        assertThat(errors(new SubmitRequest("t", "bad id", "progress-exhaust", Map.of("batchId", "b1"), "csv")))
                .containsExactly("request.requestedBy must be 1-128 characters of A-Z a-z 0-9 _ . : @ -");
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertThat(errors(new SubmitRequest(null, null, "progress-exhaust", Map.of(), "xls"))).containsExactly(
                "request.tag is required", "request.datasetConfig.batchId is required",
                "request.output_format must be csv: xls");
    }

    @Test
    void configIsSortedAndHoldsOnlyGivenValues() {
        assertThat(req("t", "course-summary", Map.of("courseId", "c1", "batchId", "b1"), "csv").config())
                .containsExactly(Map.entry("batchId", "b1"), Map.entry("courseId", "c1"));
    }
}
