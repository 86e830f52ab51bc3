package dev.stride.reports.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.dataset.ReportException;
import dev.stride.schema.StrideTables;

import java.time.LocalDate;
import java.util.Optional;

/** Table batch_by_id ((tenant, batch_id)): a batch's course, name and dates, read by id. */
public final class Batches {

    /** One batch. */
    public record Batch(String tenant, String batchId, String courseId, String name, LocalDate startDate, LocalDate endDate) {

        /** Worth a nightly report on {@code date}: started, and not ended before the day before (its last report). */
        public boolean activeOn(LocalDate date) {
            boolean started = startDate == null || !startDate.isAfter(date);
            boolean notOver = endDate == null || !endDate.isBefore(date.minusDays(1));
            return started && notOver;
        }
    }

    private final CqlSession session;
    private final PreparedStatement find;

    public Batches(CqlSession session) {
        this.session = session;
        this.find = session.prepare("SELECT course_id, name, start_date, end_date FROM " + StrideTables.BATCH_BY_ID
                + " WHERE tenant = ? AND batch_id = ?");
    }

    public Optional<Batch> find(String tenant, String batchId) {
        Row r = session.execute(find.bind(tenant, batchId)).one();
        return r == null ? Optional.empty() : Optional.of(new Batch(tenant, batchId, r.getString("course_id"),
                r.getString("name"), r.getLocalDate("start_date"), r.getLocalDate("end_date")));
    }

    /** The tenant's batch, or a permanent failure (another tenant's batch is not found either). */
    public Batch require(String tenant, String batchId) {
        return find(tenant, batchId).orElseThrow(() -> ReportException.permanent(
                "batch " + batchId + " does not exist in tenant " + tenant));
    }
}
