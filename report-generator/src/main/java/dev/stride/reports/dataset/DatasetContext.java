package dev.stride.reports.dataset;

import com.datastax.oss.driver.api.core.CqlSession;

import java.util.Map;

/**
 * What a dataset may use: the Cassandra session (bound to the Stride keyspace), the page size of partition scans,
 * how many partition reads may be in flight, and free-form settings (e.g. a Druid URL for a Druid-backed dataset).
 */
public record DatasetContext(CqlSession session, int pageSize, int readAhead, Map<String, String> settings) {

    public DatasetContext {
        if (pageSize < 1 || readAhead < 1) {
            throw new IllegalArgumentException("pageSize and readAhead must be positive");
        }
        settings = Map.copyOf(settings);
    }
}
