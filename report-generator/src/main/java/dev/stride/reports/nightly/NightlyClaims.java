package dev.stride.reports.nightly;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.schema.StrideTables;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Who writes which nightly report when several {@code serve} instances share one schedule: table
 * nightly_report_claims ((tenant, report_date), report_key), taken with a lightweight transaction so exactly one
 * instance writes each report of a date and the others skip it (the work is shared out, not repeated). A claim is a
 * lease until its report is written, then kept for two days: a claimer that dies mid-report leaves a lease that
 * expires, and the next pass over the date (serve repeats each night once after {@link #LEASE}) writes the report.
 */
public interface NightlyClaims {

    /** How long a claim holds without its report being written: far longer than any report takes. */
    Duration LEASE = Duration.ofHours(1);

    /** True when this caller should write the report {@code reportKey} of {@code date}. */
    boolean take(String tenant, LocalDate date, String reportKey);

    /** The report was written: the claim stays (two days) so later passes over the date skip it. */
    void done(String tenant, LocalDate date, String reportKey);

    /** Gives a claim back after the report failed, so a later pass over the date may write it. */
    void giveBack(String tenant, LocalDate date, String reportKey);

    /** No claims: an operator's {@code nightly --date} re-run writes every report again (files are replaced). */
    NightlyClaims NONE = new NightlyClaims() {
        @Override
        public boolean take(String tenant, LocalDate date, String reportKey) {
            return true;
        }

        @Override
        public void done(String tenant, LocalDate date, String reportKey) {
        }

        @Override
        public void giveBack(String tenant, LocalDate date, String reportKey) {
        }
    };

    /** Claims in Cassandra for the instance {@code owner}, leased for {@link #LEASE}. */
    static NightlyClaims inCassandra(CqlSession session, String owner, Clock clock) {
        return inCassandra(session, owner, clock, LEASE);
    }

    /** Claims in Cassandra for the instance {@code owner}, leased for {@code lease} (whole seconds). */
    static NightlyClaims inCassandra(CqlSession session, String owner, Clock clock, Duration lease) {
        PreparedStatement insert = session.prepare("INSERT INTO " + StrideTables.NIGHTLY_REPORT_CLAIMS
                + " (tenant, report_date, report_key, owner, claimed_at) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
        PreparedStatement keep = session.prepare("INSERT INTO " + StrideTables.NIGHTLY_REPORT_CLAIMS
                + " (tenant, report_date, report_key, owner, claimed_at) VALUES (?, ?, ?, ?, ?)"); // the table's 2-day TTL
        PreparedStatement delete = session.prepare("DELETE FROM " + StrideTables.NIGHTLY_REPORT_CLAIMS
                + " WHERE tenant = ? AND report_date = ? AND report_key = ? IF owner = ?");
        int leaseSeconds = (int) Math.max(1, lease.toSeconds());
        return new NightlyClaims() {
            @Override
            public boolean take(String tenant, LocalDate date, String reportKey) {
                return session.execute(insert.bind(tenant, date, reportKey, owner, clock.instant(), leaseSeconds)).wasApplied();
            }

            @Override
            public void done(String tenant, LocalDate date, String reportKey) {
                session.execute(keep.bind(tenant, date, reportKey, owner, clock.instant()));
            }

            @Override
            public void giveBack(String tenant, LocalDate date, String reportKey) {
                session.execute(delete.bind(tenant, date, reportKey, owner));
            }
        };
    }
}
