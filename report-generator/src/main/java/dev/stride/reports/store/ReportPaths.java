package dev.stride.reports.store;

import dev.stride.core.ids.Ids;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The store layout of docs/REPORTS.md; every segment is a validated id, so a path never leaves its folder. */
public final class ReportPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_@:-][A-Za-z0-9_.@:-]{0,199}");

    private ReportPaths() {
    }

    /** {@code <tenant>/batches/<batchId>/progress-exhaust-<batchId>-<yyyy-MM-dd>.csv} (any per-batch dataset). */
    public static String nightlyBatch(String tenant, String dataset, String batchId, LocalDate date) {
        return join(tenant, "batches", batchId, dataset + "-" + batchId + "-" + date + ".csv");
    }

    /** {@code <tenant>/groups/<groupId>/group-progress-<groupId>-<yyyy-MM-dd>.csv}. */
    public static String nightlyGroup(String tenant, String dataset, String groupId, LocalDate date) {
        return join(tenant, "groups", groupId, dataset + "-" + groupId + "-" + date + ".csv");
    }

    /** {@code <tenant>/requests/<requestId>/<dataset>-<subjectId>.csv}. */
    public static String requested(String tenant, String requestId, String dataset, String subjectId) {
        return join(tenant, "requests", requestId, dataset + "-" + subjectId + ".csv");
    }

    /** Whether every {@code /}-separated segment is a plain name (no empty, "." or ".." segment, no leading dot). */
    public static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String join(String tenant, String kind, String id, String file) {
        Ids.requireValid("tenant", tenant);
        Ids.requireValid(kind.equals("requests") ? "requestId" : kind.equals("groups") ? "groupId" : "batchId", id);
        String path = tenant + "/" + kind + "/" + id + "/" + file;
        if (!isSafe(path)) {
            throw new IllegalArgumentException("not a safe report path: " + path);
        }
        return path;
    }
}
