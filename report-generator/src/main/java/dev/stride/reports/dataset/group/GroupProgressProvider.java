package dev.stride.reports.dataset.group;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetProvider;

/** Registers {@link GroupProgressReport}. */
public final class GroupProgressProvider implements DatasetProvider {

    @Override
    public Dataset create(DatasetContext context) {
        return new GroupProgressReport(context);
    }
}
