package dev.stride.reports.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.schema.StrideTables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table report_files ((tenant, report_key), generated_at DESC): one row per published file. Publishing a path again
 * (a re-run for the same date, a re-submitted request) deletes the rows of that path and inserts the new one in one
 * single-partition logged batch, so a key never lists the same file twice.
 */
public final class ReportFilesTable {

    /** One report_files row. */
    public record ReportFile(String tenant, String reportKey, Instant generatedAt, String path, long sizeBytes,
                             long rowCount, String sha256, String requestId, LocalDate reportDate) {
    }

    private final CqlSession session;
    private final PreparedStatement rows;
    private final PreparedStatement insert;
    private final PreparedStatement delete;

    public ReportFilesTable(CqlSession session) {
        this.session = session;
        this.rows = session.prepare("SELECT tenant, report_key, generated_at, path, size_bytes, row_count, checksum_sha256,"
                + " request_id, report_date FROM " + StrideTables.REPORT_FILES + " WHERE tenant = ? AND report_key = ?");
        this.insert = session.prepare("INSERT INTO " + StrideTables.REPORT_FILES + " (tenant, report_key, generated_at, path,"
                + " size_bytes, row_count, checksum_sha256, request_id, report_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.delete = session.prepare("DELETE FROM " + StrideTables.REPORT_FILES
                + " WHERE tenant = ? AND report_key = ? AND generated_at = ?");
    }

    /** Records a published file, replacing earlier rows of the same path under the same key. */
    public void record(ReportFile f) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED);
        for (ReportFile old : list(f.tenant(), f.reportKey())) {
            if (old.path().equals(f.path()) && !old.generatedAt().equals(f.generatedAt())) {
                batch.addStatement(delete.bind(f.tenant(), f.reportKey(), old.generatedAt()));
            }
        }
        batch.addStatement(insert.bind(f.tenant(), f.reportKey(), f.generatedAt(), f.path(), f.sizeBytes(), f.rowCount(),
                f.sha256(), f.requestId(), f.reportDate()));
        session.execute(batch.build());
    }

    /** The rows of a key, newest first (one per night or per run of a request: small partitions). */
    public List<ReportFile> list(String tenant, String reportKey) {
        List<ReportFile> out = new ArrayList<>();
        for (Row r : session.execute(rows.bind(tenant, reportKey))) {
            out.add(new ReportFile(r.getString("tenant"), r.getString("report_key"), r.getInstant("generated_at"),
                    r.getString("path"), r.getLong("size_bytes"), r.getLong("row_count"), r.getString("checksum_sha256"),
                    r.getString("request_id"), r.getLocalDate("report_date")));
        }
        return out;
    }

    public Optional<ReportFile> newest(String tenant, String reportKey) {
        List<ReportFile> all = list(tenant, reportKey);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
}
