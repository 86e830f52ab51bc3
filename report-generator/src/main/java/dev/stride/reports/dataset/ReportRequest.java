package dev.stride.reports.dataset;

import java.util.Map;
import java.util.Objects;

/** What a report is about: the tenant and the dataset configuration ({@code batchId}, {@code groupId}, ...). */
public record ReportRequest(String tenant, Map<String, String> config) {

    public ReportRequest {
        Objects.requireNonNull(tenant, "tenant");
        config = Map.copyOf(config);
    }

    /** A config value, or a permanent failure naming the missing key. */
    public String require(String key, String dataset) {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            throw ReportException.permanent("datasetConfig." + key + " is required for " + dataset);
        }
        return v;
    }
}
