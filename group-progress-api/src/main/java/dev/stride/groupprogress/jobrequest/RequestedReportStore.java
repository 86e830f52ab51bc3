package dev.stride.groupprogress.jobrequest;

import dev.stride.api.web.ApiException;
import dev.stride.groupprogress.config.StrideProperties;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report store the generator publishes to ({@code stride.reports.dir}, shared with it): finds a published file
 * by its {@code report_files.path}. Blocking file access: callers run it on a bounded elastic scheduler.
 */
@Component
public class RequestedReportStore {

    private final Path root;

    public RequestedReportStore(StrideProperties props) {
        this.root = props.reports().dir().toAbsolutePath().normalize();
    }

    /** The file at a store-relative, {@code /}-separated path, or 404 (a path that would leave the store is none). */
    public Path file(String requestId, String relativePath) {
        Path file = relativePath.startsWith("/") || relativePath.contains("\\") ? null
                : root.resolve(relativePath).normalize();
        if (file == null || !file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file)) {
            throw ApiException.notFound("REPORT_NOT_FOUND", "the report file of request " + requestId
                    + " is not in the report store");
        }
        return file;
    }
}
