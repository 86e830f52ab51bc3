package dev.stride.core.event;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for Stride's events: instants as ISO-8601 text (never numbers), unknown properties tolerated
 * (event records keep them in their {@code extra} map), absent primitives read as their default.
 */
public final class Json {

    public static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

    private Json() {
    }

    /** Applies Stride's settings to a builder, for services that build their own mapper (e.g. Spring's). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A newer producer may drop a field an old consumer has as a primitive: read it as 0/false.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
