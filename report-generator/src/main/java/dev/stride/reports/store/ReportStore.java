package dev.stride.reports.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where report files live. Paths are relative, {@code /}-separated ({@code <tenant>/batches/<batchId>/<file>.csv});
 * a file becomes visible only when {@link PendingReport#publish()} succeeds, all at once, so a reader never sees half a
 * report. The local directory is the default; an object store is one more implementation.
 */
public interface ReportStore {

    /** A new report being written to a temporary place; nothing is visible at {@code path} until it is published. */
    PendingReport create(String path) throws IOException;

    /** Reads a published report. */
    InputStream open(String path) throws IOException;

    boolean exists(String path);

    /** A human-readable location of the store (a folder, a bucket URL) for logs and summaries. */
    String describe(String path);
}
