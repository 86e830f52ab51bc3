package dev.stride.reports.store;

import java.io.IOException;
import java.io.OutputStream;

/** A report being written: write to {@link #output()}, then {@link #publish()}; closing without publishing discards it. */
public interface PendingReport extends AutoCloseable {

    /** Counts and hashes what passes through; buffered. */
    OutputStream output();

    /** Makes the file visible at its path atomically, replacing a previous file of the same path. */
    PublishedReport publish() throws IOException;

    /** Discards the temporary file unless published. Never throws. */
    @Override
    void close();
}
