package dev.stride.reports.dataset;

/**
 * Plugs a {@link Dataset} into the generator: list the implementation in
 * {@code META-INF/services/dev.stride.reports.dataset.DatasetProvider} and every command finds it (java.util.ServiceLoader).
 */
public interface DatasetProvider {

    Dataset create(DatasetContext context);
}
