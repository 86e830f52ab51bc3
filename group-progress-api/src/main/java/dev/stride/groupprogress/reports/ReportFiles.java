package dev.stride.groupprogress.reports;

import dev.stride.groupprogress.config.StrideProperties;
import dev.stride.api.web.ApiException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Batch mode's hand-over point: the nightly static group reports are files the report generator writes to
 * {@code <stride.reports.dir>/<tenant>/groups/<groupId>/<file>}; this service lists and serves them. Blocking file
 * access: callers run it on a bounded elastic scheduler, never on an event loop.
 */
@Component
public class ReportFiles {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    /** One report file as listed. */
    public record ReportFile(String name, long sizeBytes, Instant modifiedAt, String downloadUrl) {
    }

    private final Path base;

    public ReportFiles(StrideProperties props) {
        this.base = props.reports().dir().toAbsolutePath().normalize();
    }

    /** The group's report files, newest first (none when the folder does not exist yet). */
    public List<ReportFile> list(String tenant, String groupId) {
        Path dir = groupDir(tenant, groupId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .map(p -> describe(p, groupId))
                    .sorted(Comparator.comparing(ReportFile::modifiedAt).reversed().thenComparing(ReportFile::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The file to download, or 404 (a name that could leave the group's folder is refused with 400). */
    public Path file(String tenant, String groupId, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw ApiException.badRequest("INVALID_PARAMETER_VALUE", "fileName must be 1-200 characters of A-Z a-z 0-9 . _ -"
                    + " not starting with a dot: " + name);
        }
        Path file = groupDir(tenant, groupId).resolve(name).normalize();
        if (!file.startsWith(base) || !Files.isRegularFile(file)) {
            throw ApiException.notFound("REPORT_NOT_FOUND", "no report " + name + " for group " + groupId);
        }
        return file;
    }

    private Path groupDir(String tenant, String groupId) {
        Path dir = base.resolve(tenant).resolve("groups").resolve(groupId).normalize();
        if (!dir.startsWith(base)) { // ids may be "..": never leave the reports folder
            throw ApiException.notFound("REPORT_NOT_FOUND", "no reports for group " + groupId);
        }
        return dir;
    }

    private static ReportFile describe(Path p, String groupId) {
        try {
            String name = p.getFileName().toString();
            return new ReportFile(name, Files.size(p), Files.getLastModifiedTime(p).toInstant(),
                    "/v1/groups/" + groupId + "/reports/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
