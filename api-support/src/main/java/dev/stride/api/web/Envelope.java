package dev.stride.api.web;

import java.time.Instant;
import java.util.UUID;

/** Sunbird's response envelope, for successes and errors alike (DESIGN.md "HTTP contract"). */
public record Envelope(String id, String ver, String ts, Params params, String responseCode, Object result) {

    public record Params(String resmsgid, String msgid, String err, String status, String errmsg) {
    }

    public static Envelope ok(String apiId, Object result) {
        return new Envelope(apiId, "v1", Instant.now().toString(),
                new Params(UUID.randomUUID().toString(), null, null, "successful", null), "OK", result);
    }

    public static Envelope error(String apiId, ApiException e) {
        return new Envelope(apiId, "v1", Instant.now().toString(),
                new Params(UUID.randomUUID().toString(), null, e.err(), "failed", e.getMessage()),
                e.responseCode(), java.util.Map.of());
    }
}
