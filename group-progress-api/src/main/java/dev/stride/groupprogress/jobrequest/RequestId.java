package dev.stride.groupprogress.jobrequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A job request's deterministic id (docs/REPORTS.md): the first 32 hex digits of SHA-256 over
 * {@code tenant|tag|dataset|<datasetConfig as sorted key=value joined by &>|outputFormat}, so a duplicate submit
 * lands on the same row. Ids, tags and dataset names never hold {@code | & =}, so the joined text is unambiguous.
 */
public final class RequestId {

    public static final String RULE = "must be 32 hex digits (0-9 a-f)";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    private RequestId() {
    }

    public static String of(String tenant, String tag, String dataset, Map<String, String> datasetConfig, String outputFormat) {
        String config = new TreeMap<>(datasetConfig).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        String text = String.join("|", tenant, tag, dataset, config, outputFormat);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    public static boolean isValid(String requestId) {
        return requestId != null && FORMAT.matcher(requestId).matches();
    }
}
