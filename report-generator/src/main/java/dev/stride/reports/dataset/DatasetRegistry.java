package dev.stride.reports.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The datasets this build knows, by name: every {@link DatasetProvider} on the classpath. */
public final class DatasetRegistry {

    private final Map<String, Dataset> byName;

    public DatasetRegistry(List<Dataset> datasets) {
        Map<String, Dataset> map = new TreeMap<>();
        for (Dataset d : datasets) {
            if (map.putIfAbsent(d.name(), d) != null) {
                throw new IllegalStateException("two datasets are named " + d.name());
            }
        }
        this.byName = Map.copyOf(map);
    }

    /** Every provider found by {@link ServiceLoader}. */
    public static DatasetRegistry load(DatasetContext context) {
        return new DatasetRegistry(ServiceLoader.load(DatasetProvider.class).stream()
                .map(p -> p.get().create(context)).toList());
    }

    public Optional<Dataset> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The dataset or a permanent failure naming what this build supports. */
    public Dataset require(String name) {
        return find(name).orElseThrow(() -> ReportException.permanent("dataset '" + name
                + "' is not available in this report-generator build (available: " + String.join(", ", names()) + ")"));
    }

    public List<String> names() {
        return new java.util.ArrayList<>(new TreeMap<>(byName).keySet());
    }
}
