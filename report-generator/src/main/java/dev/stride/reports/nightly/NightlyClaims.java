package dev.stride.reports.nightly;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.schema.StrideTables;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Who writes which nightly report when several {@code serve} instances share one schedule: table
 * nightly_report_claims ((tenant, report_date), report_key), taken with a lightweight transaction so exactly one
 * instance writes each report of a date and the others skip it (the work is shared out, not repeated).
 */
public interface NightlyClaims {

    /** True when this caller should write the report {@code reportKey} of {@code date}. */
    boolean take(String tenant, LocalDate date, String reportKey);

    /** Gives a claim back after the report failed, so a later run of the date may write it. */
    void giveBack(String tenant, LocalDate date, String reportKey);

    /** No claims: an operator's {@code nightly --date} re-run writes every report again (files are replaced). */
    NightlyClaims NONE = new NightlyClaims() {
        @Override
        public boolean take(String tenant, LocalDate date, String reportKey) {
            return true;
        }

        @Override
        public void giveBack(String tenant, LocalDate date, String reportKey) {
        }
    };

    /** Claims in Cassandra for the instance {@code owner}. */
    static NightlyClaims inCassandra(CqlSession session, String owner, Clock clock) {
        PreparedStatement insert = session.prepare("INSERT INTO " + StrideTables.NIGHTLY_REPORT_CLAIMS
                + " (tenant, report_date, report_key, owner, claimed_at) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        PreparedStatement delete = session.prepare("DELETE FROM " + StrideTables.NIGHTLY_REPORT_CLAIMS
                + " WHERE tenant = ? AND report_date = ? AND report_key = ? IF owner = ?");
        return new NightlyClaims() {
            @Override
            public boolean take(String tenant, LocalDate date, String reportKey) {
                return session.execute(insert.bind(tenant, date, reportKey, owner, clock.instant())).wasApplied();
            }

            @Override
            public void giveBack(String tenant, LocalDate date, String reportKey) {
                session.execute(delete.bind(tenant, date, reportKey, owner));
            }
        };
    }
}
