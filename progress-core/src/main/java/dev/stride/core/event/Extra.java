package dev.stride.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Normalising helpers for event record components. */
final class Extra {

    private Extra() {
    }

    /** An unmodifiable copy that, unlike Map.copyOf, allows the null values JSON may carry. */
    static Map<String, Object> copy(Map<String, Object> extra) {
        return extra == null || extra.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
