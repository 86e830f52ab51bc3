package dev.stride.reports.nightly;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.cassandra.Batches;
import dev.stride.reports.cassandra.Batches.Batch;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetRegistry;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.dataset.group.GroupProgressReport;
import dev.stride.reports.dataset.progress.ProgressExhaust;
import dev.stride.reports.progress.LogProgress;
import dev.stride.reports.publish.ReportSummary;
import dev.stride.reports.publish.ReportWriter;
import dev.stride.reports.store.ReportPaths;
import dev.stride.schema.StrideTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The nightly run: every active batch's progress-exhaust and every group's group-progress report for one report date,
 * found with {@code SELECT DISTINCT} scans of the partition keys of batch_by_id and groups (no secondary index, no
 * full-row scan). Paths and report_files rows are keyed by the date, so running it again for the same date replaces
 * the same files and rows. One report failing is logged and does not stop the others. With {@link NightlyClaims} in
 * Cassandra, several instances running the same date write each report once between them.
 */
public final class NightlyReports {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyReports.class);

    /** What a nightly run did. */
    public record Outcome(LocalDate date, int batchReports, int groupReports, int skippedBatches, int failures, long rows,
                          int claimedElsewhere) {
    }

    private final CqlSession session;
    private final Batches batches;
    private final DatasetRegistry datasets;
    private final ReportWriter writer;
    private final NightlyClaims claims;
    private final PreparedStatement batchKeys;
    private final PreparedStatement groupKeys;
    private final PreparedStatement groupStatus;

    public NightlyReports(CqlSession session, DatasetRegistry datasets, ReportWriter writer) {
        this(session, datasets, writer, NightlyClaims.NONE);
    }

    public NightlyReports(CqlSession session, DatasetRegistry datasets, ReportWriter writer, NightlyClaims claims) {
        this.session = session;
        this.claims = claims;
        this.batches = new Batches(session);
        this.datasets = datasets;
        this.writer = writer;
        this.batchKeys = session.prepare("SELECT DISTINCT tenant, batch_id FROM " + StrideTables.BATCH_BY_ID);
        this.groupKeys = session.prepare("SELECT DISTINCT tenant, group_id FROM " + StrideTables.GROUPS);
        this.groupStatus = session.prepare("SELECT status FROM " + StrideTables.GROUPS + " WHERE tenant = ? AND group_id = ?");
    }

    /** Writes every report for {@code date}; {@code stop} is checked between reports (a shutdown ends the run early). */
    public Outcome run(LocalDate date, BooleanSupplier stop) {
        long start = System.nanoTime();
        Dataset progress = datasets.require(ProgressExhaust.NAME);
        Dataset groups = datasets.require(GroupProgressReport.NAME);
        int batchReports = 0;
        int groupReports = 0;
        int skipped = 0;
        int failures = 0;
        int elsewhere = 0;
        long rows = 0;
        for (Row key : session.execute(batchKeys.bind().setPageSize(1000))) {
            if (stop.getAsBoolean()) {
                break;
            }
            String tenant = key.getString(0);
            String batchId = key.getString(1);
            try {
                Batch batch = batches.find(tenant, batchId).orElse(null);
                if (batch == null || !batch.activeOn(date)) {
                    skipped++;
                    continue;
                }
                String reportKey = ProgressExhaust.NAME + ":" + batchId;
                if (!claims.take(tenant, date, reportKey)) {
                    elsewhere++;
                    continue;
                }
                rows += write(progress, tenant, Map.of("batchId", batchId, "courseId", batch.courseId()),
                        ReportPaths.nightlyBatch(tenant, ProgressExhaust.NAME, batchId, date), reportKey, date);
                batchReports++;
                keep(tenant, date, reportKey);
            } catch (Exception e) {
                failures++;
                giveBack(tenant, date, ProgressExhaust.NAME + ":" + batchId);
                LOG.warn("nightly {} report of batch {} (tenant {}) failed: {}", ProgressExhaust.NAME, batchId, tenant, e.toString());
            }
        }
        for (Row key : session.execute(groupKeys.bind().setPageSize(1000))) {
            if (stop.getAsBoolean()) {
                break;
            }
            String tenant = key.getString(0);
            String groupId = key.getString(1);
            try {
                Row g = session.execute(groupStatus.bind(tenant, groupId)).one();
                if (g == null || "inactive".equalsIgnoreCase(g.getString(0))) {
                    continue;
                }
                String reportKey = GroupProgressReport.NAME + ":" + groupId;
                if (!claims.take(tenant, date, reportKey)) {
                    elsewhere++;
                    continue;
                }
                rows += write(groups, tenant, Map.of("groupId", groupId),
                        ReportPaths.nightlyGroup(tenant, GroupProgressReport.NAME, groupId, date), reportKey, date);
                groupReports++;
                keep(tenant, date, reportKey);
            } catch (Exception e) {
                failures++;
                giveBack(tenant, date, GroupProgressReport.NAME + ":" + groupId);
                LOG.warn("nightly {} report of group {} (tenant {}) failed: {}", GroupProgressReport.NAME, groupId, tenant, e.toString());
            }
        }
        Outcome outcome = new Outcome(date, batchReports, groupReports, skipped, failures, rows, elsewhere);
        LOG.info("nightly reports for {}: {} batch reports, {} group reports, {} inactive batches skipped, {} failures,"
                + " {} claimed already (another instance, an earlier pass), {} rows in {} s", date, batchReports, groupReports, skipped, failures,
                elsewhere, rows,
                Math.round((System.nanoTime() - start) / 1e9));
        return outcome;
    }

    private void keep(String tenant, LocalDate date, String reportKey) {
        try {
            claims.done(tenant, date, reportKey);
        } catch (RuntimeException e) {
            LOG.warn("could not mark {} for {} written (its lease expires and a later pass writes it again): {}", reportKey,
                    date, e.toString());
        }
    }

    private void giveBack(String tenant, LocalDate date, String reportKey) {
        try {
            claims.giveBack(tenant, date, reportKey);
        } catch (RuntimeException e) {
            LOG.warn("could not give back the claim of {} for {} (it expires on its own): {}", reportKey, date, e.toString());
        }
    }

    private long write(Dataset dataset, String tenant, Map<String, String> config, String path, String reportKey,
                       LocalDate date) throws Exception {
        LogProgress progress = new LogProgress(dataset.name() + " " + reportKey, Duration.ofSeconds(30));
        ReportSummary summary = writer.publish(dataset, new ReportRequest(tenant, config),
                new ReportWriter.Target(path, reportKey, date, null), progress);
        LOG.info("nightly {}", summary.line());
        return summary.rows();
    }
}
