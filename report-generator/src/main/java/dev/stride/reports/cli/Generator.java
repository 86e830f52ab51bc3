package dev.stride.reports.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetRegistry;
import dev.stride.reports.publish.ReportWriter;
import dev.stride.reports.store.LocalReportStore;
import dev.stride.reports.store.ReportFilesTable;
import dev.stride.schema.CassandraSessions;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The generator's parts wired together: session, datasets, store, report_files, writer. */
public final class Generator implements AutoCloseable {

    private final CqlSession session;
    private final DatasetRegistry datasets;
    private final LocalReportStore store;
    private final ReportFilesTable files;
    private final ReportWriter writer;
    private final ZoneId zone;
    private final Clock clock;

    public Generator(CqlSession session, LocalReportStore store, int pageSize, int readAhead, ZoneId zone, Clock clock) {
        this.session = session;
        this.datasets = DatasetRegistry.load(new DatasetContext(session, pageSize, readAhead, Map.of()));
        this.store = store;
        this.files = new ReportFilesTable(session);
        this.writer = new ReportWriter(store, files, clock);
        this.zone = zone;
        this.clock = clock;
    }

    /** Opens a session from the options; page fetches of a wide partition under load may take seconds: 30 s timeout. */
    public static Generator open(GeneratorOptions o) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build();
        CqlSession session = CassandraSessions.open(o.cassandra, o.dc, o.keyspace, config);
        return new Generator(session, new LocalReportStore(o.reportsDir), o.pageSize, o.readAhead, ZoneId.of(o.zone),
                Clock.systemUTC());
    }

    public CqlSession session() {
        return session;
    }

    public DatasetRegistry datasets() {
        return datasets;
    }

    public LocalReportStore store() {
        return store;
    }

    public ReportFilesTable files() {
        return files;
    }

    public ReportWriter writer() {
        return writer;
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        session.close();
    }
}
