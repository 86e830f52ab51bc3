package dev.stride.reports.dataset.progress;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetProvider;

/** Registers {@link ProgressExhaust}. */
public final class ProgressExhaustProvider implements DatasetProvider {

    @Override
    public Dataset create(DatasetContext context) {
        return new ProgressExhaust(context);
    }
}
