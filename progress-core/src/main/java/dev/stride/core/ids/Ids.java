package dev.stride.core.ids;

import dev.stride.core.validation.FieldError;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

/**
 * External ids (tenant, user, course, batch, content, group, attempt) and generated ids.
 *
 * <p>An external id is 1–128 characters from {@code [A-Za-z0-9_.:@-]}: wide enough for Sunbird's
 * {@code do_113...} content ids, UUIDs, e-mail-like user ids and {@code urn:} prefixes, and it never
 * contains {@code |} or whitespace, so ids can be joined into Kafka keys and Cassandra text without escaping.
 */
public final class Ids {

    public static final int MAX_LENGTH = 128;
    public static final String RULE = "must be 1-128 characters of A-Z a-z 0-9 _ . : @ -";

    /** Namespace of all Stride name-based ids (a fixed random UUID; never change it: ids derived from it are stored). */
    public static final UUID STRIDE_NAMESPACE = UUID.fromString("6f1d2c3e-8a4b-4f7e-9c2d-5b1a0e3f7d64");

    private Ids() {
    }

    /** {@code [A-Za-z0-9_.:@-]{1,128}}, checked without a regex (it ran several times per content of every update). */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '@' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The id itself, or IllegalArgumentException naming {@code kind} (e.g. "courseId"). */
    public static String requireValid(String kind, String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(kind + " " + (id == null || id.isBlank() ? "is required" : RULE) + ": " + id);
        }
        return id;
    }

    /** A FieldError for {@code field} when the id is missing or malformed. */
    public static Optional<FieldError> check(String field, String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(new FieldError(field, "is required"));
        }
        return isValid(id) ? Optional.empty() : Optional.of(new FieldError(field, RULE));
    }

    /** A new random request id (UUID v4), assigned once per accepted API request. */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** A new random event id, for events that have no natural identity. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A deterministic UUID (RFC 4122 version 5, SHA-1, {@link #STRIDE_NAMESPACE}) of the given parts:
     * the same parts always give the same id, so a replayed event produces the same row id downstream.
     * Parts are length-prefixed, so ("ab","c") and ("a","bc") differ.
     */
    public static String nameBased(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            String p = part == null ? "" : part;
            name.append(p.length()).append(':').append(p).append(';');
        }
        return uuidV5(STRIDE_NAMESPACE, name.toString()).toString();
    }

    static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required on every Java platform", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }
}
