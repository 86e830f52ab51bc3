package dev.stride.groupprogress.jobrequest;

import dev.stride.core.validation.FieldError;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job request tag: free text chosen by the client (Sunbird's portal sends {@code <batchId>_<userId>}), so long
 * enough for two external ids joined, from the external-id alphabet (it travels in URL paths and in the request id).
 */
public final class Tag {

    public static final int MAX_LENGTH = 260;
    public static final String RULE = "must be 1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 _ . : @ -";
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:@-]{1," + MAX_LENGTH + "}");

    private Tag() {
    }

    public static Optional<FieldError> check(String field, String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.of(new FieldError(field, "is required"));
        }
        return TAG.matcher(tag).matches() ? Optional.empty() : Optional.of(new FieldError(field, RULE));
    }
}
