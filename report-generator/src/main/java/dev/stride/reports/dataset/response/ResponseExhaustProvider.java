package dev.stride.reports.dataset.response;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetProvider;

/** Registers {@link ResponseExhaust}. */
public final class ResponseExhaustProvider implements DatasetProvider {

    @Override
    public Dataset create(DatasetContext context) {
        return new ResponseExhaust(context);
    }
}
