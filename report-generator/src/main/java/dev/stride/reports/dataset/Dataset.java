package dev.stride.reports.dataset;

import java.io.OutputStream;

/**
 * One kind of report (a job request's {@code dataset}). An implementation streams its rows from Cassandra straight
 * into the output: it never holds the whole report in memory. Register one through {@link DatasetProvider}.
 */
public interface Dataset {

    /** The {@code dataset} name of job requests, e.g. {@code progress-exhaust}. */
    String name();

    /** The {@code dataset_config} key naming what the report is about: {@code batchId}, {@code groupId}, {@code courseId}. */
    String subjectKey();

    /**
     * Writes the report as CSV to {@code out} (not closed) and returns the number of data rows.
     *
     * @throws ReportException for a report that cannot be made (unknown batch: permanent) or a failed read
     */
    long write(ReportRequest request, OutputStream out, ReportProgress progress) throws Exception;
}
