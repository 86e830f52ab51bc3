package dev.stride.reports.publish;

import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.reports.store.PendingReport;
import dev.stride.reports.store.PublishedReport;
import dev.stride.reports.store.ReportFilesTable;
import dev.stride.reports.store.ReportFilesTable.ReportFile;
import dev.stride.reports.store.ReportStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Runs a dataset into the store: stream to a temporary file, publish atomically, then record the file in report_files
 * (path, size, rows, SHA-256, generation time, report date). A crash before the publish leaves the previous file and
 * row; between the publish and the row, the next run of the same path repairs both.
 */
public final class ReportWriter {

    /** Where the report goes and under which report_files key. */
    public record Target(String path, String reportKey, LocalDate reportDate, String requestId) {
    }

    private final ReportStore store;
    private final ReportFilesTable files;
    private final Clock clock;

    public ReportWriter(ReportStore store, ReportFilesTable files, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    public ReportSummary publish(Dataset dataset, ReportRequest request, Target target, ReportProgress progress)
            throws Exception {
        long start = System.nanoTime();
        Instant generatedAt = clock.instant();
        expectFromLastReport(dataset, request, progress);
        long rows;
        PublishedReport published;
        try (PendingReport pending = store.create(target.path())) {
            rows = dataset.write(request, pending.output(), progress);
            published = pending.publish();
        }
        files.record(new ReportFile(request.tenant(), target.reportKey(), generatedAt, published.path(),
                published.sizeBytes(), rows, published.sha256(), target.requestId(), target.reportDate()));
        return new ReportSummary(dataset.name(), request.config().getOrDefault(dataset.subjectKey(), ""),
                store.describe(target.path()), rows, published.sizeBytes(), (System.nanoTime() - start) / 1e9,
                published.sha256(), ReportSummary.peakHeap(progress));
    }

    /**
     * Tells the progress how many rows the last nightly report of the same batch or group had, so a progress bar or log
     * line can show an ETA; nothing when there was none. A hint only: it never fails a report.
     */
    public void expectFromLastReport(Dataset dataset, ReportRequest request, ReportProgress progress) {
        String subject = request.config().get(dataset.subjectKey());
        if (subject == null) {
            return;
        }
        try {
            files.newest(request.tenant(), dataset.name() + ":" + subject).ifPresent(f -> progress.expect(f.rowCount()));
        } catch (RuntimeException e) {
            // no estimate, no ETA
        }
    }

    /** A one-shot report to a local file outside the store (no report_files row): {@code run --out}. */
    public static ReportSummary toFile(Dataset dataset, ReportRequest request, Path out, ReportProgress progress)
            throws Exception {
        long start = System.nanoTime();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + out.getFileName(), ".tmp");
        long rows;
        try {
            try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 256 * 1024)) {
                rows = dataset.write(request, os, progress);
            }
            Files.move(temp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteQuietly(temp);
        }
        return new ReportSummary(dataset.name(), request.config().getOrDefault(dataset.subjectKey(), ""),
                out.toAbsolutePath().toString(), rows, Files.size(out), (System.nanoTime() - start) / 1e9, null,
                ReportSummary.peakHeap(progress));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
