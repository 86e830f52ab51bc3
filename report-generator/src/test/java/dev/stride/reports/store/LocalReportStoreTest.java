package dev.stride.reports.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalReportStoreTest {

    @TempDir
    Path root;

    @Test
    void nothingIsVisibleUntilPublishedAndThenSizeAndChecksumDescribeTheBytes() throws Exception {
        LocalReportStore store = new LocalReportStore(root);
        String path = ReportPaths.nightlyBatch("t1", "progress-exhaust", "b1", LocalDate.of(2026, 3, 1));
        assertThat(path).isEqualTo("t1/batches/b1/progress-exhaust-b1-2026-03-01.csv");
        byte[] body = "héllo,world\r\n".getBytes(StandardCharsets.UTF_8);
        PublishedReport published;
        try (PendingReport pending = store.create(path)) {
            pending.output().write(body);
            pending.output().flush();
            assertThat(store.exists(path)).isFalse();
            published = pending.publish();
        }
        assertThat(store.exists(path)).isTrue();
        assertThat(Files.readAllBytes(store.file(path))).isEqualTo(body);
        assertThat(published.sizeBytes()).isEqualTo(body.length);
        assertThat(published.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        try (var files = Files.list(store.file(path).getParent())) {
            assertThat(files).hasSize(1); // the temporary file was renamed, not copied
        }
    }

    @Test
    void aReportClosedWithoutPublishingLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        LocalReportStore store = new LocalReportStore(root);
        String path = ReportPaths.requested("t1", "0123456789abcdef0123456789abcdef", "progress-exhaust", "b1");
        try (PendingReport first = store.create(path)) {
            first.output().write("old".getBytes(StandardCharsets.UTF_8));
            first.publish();
        }
        try (PendingReport second = store.create(path)) {
            second.output().write("half a new repo".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(store.file(path))).isEqualTo("old");
        try (var files = Files.list(store.file(path).getParent())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void pathsThatCouldLeaveTheStoreAreRefused() {
        LocalReportStore store = new LocalReportStore(root);
        assertThatThrownBy(() -> store.create("../x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("t1/.hidden/x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPaths.nightlyGroup("t1", "group-progress", "..", LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
