package dev.stride.reports.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The report store as a local folder (env {@code STRIDE_REPORTS_DIR}). A report is written to a hidden temporary
 * file in its final folder ({@code .<name>.<uuid>.tmp}, which listings skip), forced to disk, then renamed over the
 * final name with an atomic move: readers see the old file or the new one, never a part.
 */
public final class LocalReportStore implements ReportStore {

    private static final int BUFFER = 256 * 1024;

    private final Path root;

    public LocalReportStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file behind a store path. */
    public Path file(String path) {
        if (!ReportPaths.isSafe(path)) {
            throw new IllegalArgumentException("not a safe report path: " + path);
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("report path leaves the store: " + path);
        }
        return file;
    }

    @Override
    public PendingReport create(String path) throws IOException {
        Path target = file(path);
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return new LocalPending(path, target, temp);
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(file(path));
    }

    @Override
    public boolean exists(String path) {
        return Files.isRegularFile(file(path));
    }

    @Override
    public String describe(String path) {
        return file(path).toString();
    }

    private static final class LocalPending implements PendingReport {
        private final String path;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final Hashing hashing;
        private final OutputStream output;
        private boolean published;

        LocalPending(String path, Path target, Path temp) throws IOException {
            this.path = path;
            this.target = target;
            this.temp = temp;
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.hashing = new Hashing(Channels.newOutputStream(channel));
            this.output = new BufferedOutputStream(hashing, BUFFER);
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public PublishedReport publish() throws IOException {
            output.flush();
            channel.force(true); // on disk before the rename makes it visible: a crash never publishes a torn file
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                dir.force(true); // the rename itself on disk before report_files names the file
            }
            published = true;
            return new PublishedReport(path, hashing.count, HexFormat.of().formatHex(hashing.digest.digest()));
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
            if (!published) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden temp file is harmless: listings skip names starting with a dot
                }
            }
        }
    }

    /** Counts and hashes every byte on its way to the file. */
    private static final class Hashing extends FilterOutputStream {
        final MessageDigest digest;
        long count;

        Hashing(OutputStream out) {
            super(out);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required on every Java platform", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }
    }
}
