package dev.stride.groupprogress.jobrequest;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /v1/jobrequest/submit}: request{tag, requestedBy?, dataset, datasetConfig{...}, output_format?} and its
 * shape checks (whether the batch, group or course exists needs the tables). Unknown datasetConfig keys are refused,
 * not dropped: they would change the request id.
 */
public record SubmitRequest(String tag, String requestedBy, String dataset, Map<String, Object> datasetConfig,
                            @JsonProperty("output_format") @JsonAlias("outputFormat") String outputFormat) {

    public static final String CSV = "csv";

    /** Sunbird's default when output_format is absent. */
    public String outputFormatOrDefault() {
        return outputFormat == null ? CSV : outputFormat;
    }

    /** Every broken rule, each naming its field; empty when the request is well formed. */
    public List<FieldError> errors(String callerUserId) {
        List<FieldError> errors = new ArrayList<>();
        Tag.check("request.tag", tag).ifPresent(errors::add);
        if (dataset == null || dataset.isBlank()) {
            errors.add(new FieldError("request.dataset", "is required"));
        } else if (Dataset.of(dataset).isEmpty()) {
            errors.add(new FieldError("request.dataset", "must be one of " + String.join(", ", Dataset.IDS) + ": " + dataset));
        } else {
            checkConfig(Dataset.of(dataset).get(), errors);
        }
        if (requestedBy != null) {
            Ids.check("request.requestedBy", requestedBy).ifPresent(errors::add);
            if (Ids.isValid(requestedBy) && !requestedBy.equals(callerUserId)) {
                errors.add(new FieldError("request.requestedBy", "must be the caller's own user id: " + requestedBy));
            }
        }
        if (!CSV.equals(outputFormatOrDefault())) {
            errors.add(new FieldError("request.output_format", "must be csv: " + outputFormat));
        }
        return errors;
    }

    private void checkConfig(Dataset d, List<FieldError> errors) {
        Map<String, Object> config = datasetConfig == null ? Map.of() : datasetConfig;
        d.requiredKeys().stream().sorted().filter(key -> config.get(key) == null).forEach(key ->
                errors.add(new FieldError("request.datasetConfig." + key, "is required")));
        new TreeMap<>(config).forEach((key, value) -> {
            String field = "request.datasetConfig." + key;
            if (!d.allows(key)) {
                errors.add(new FieldError(field, "is not a setting of " + d.id()));
            } else if (value != null && !(value instanceof String)) {
                errors.add(new FieldError(field, "must be a string"));
            } else if (value != null) {
                Ids.check(field, (String) value).ifPresent(errors::add);
            }
        });
    }

    /** The validated datasetConfig, keys sorted (call only when {@link #errors} is empty). */
    public Map<String, String> config() {
        Map<String, String> out = new TreeMap<>();
        if (datasetConfig != null) {
            datasetConfig.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, (String) v);
                }
            });
        }
        return out;
    }
}
