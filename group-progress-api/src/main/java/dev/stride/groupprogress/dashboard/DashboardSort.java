package dev.stride.groupprogress.dashboard;

import dev.stride.core.validation.FieldError;
import dev.stride.api.web.ApiException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboard's sort columns. Every key is a String or a Double (times as epoch millis) so a paging token can
 * carry it; missing values sort last in either direction and the user id breaks ties, so the order is total.
 */
public enum DashboardSort {
    NAME("name", r -> r.name() == null ? null : r.name().toLowerCase(java.util.Locale.ROOT)),
    USER_ID("userId", LearnerRow::userId),
    COMPLETION("completion", r -> r.completionPercentage()),
    STATUS("status", r -> r.status() == null ? null : r.status().doubleValue()),
    LAST_ACCESS("lastAccess", r -> r.lastAccessTime() == null ? null : (double) r.lastAccessTime().toEpochMilli()),
    SCORE("score", LearnerRow::totalScore),
    TIME_SPENT("timeSpent", r -> r.timeSpentSeconds() == null ? null : r.timeSpentSeconds().doubleValue());

    private final String param;
    private final Function<LearnerRow, Object> key;

    DashboardSort(String param, Function<LearnerRow, Object> key) {
        this.param = param;
        this.key = key;
    }

    public String param() {
        return param;
    }

    public boolean textual() {
        return this == NAME || this == USER_ID;
    }

    public Object key(LearnerRow row) {
        return key.apply(row);
    }

    /** The order of (key, userId) pairs for this column and direction. */
    public Comparator<PageToken.Position> order(boolean descending) {
        Comparator<Object> keys = (a, b) -> compareKeys(a, b, descending);
        return Comparator.comparing(PageToken.Position::key, keys).thenComparing(PageToken.Position::userId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int c = ((Comparable) a).compareTo(b);
        return descending ? -c : c;
    }

    public static DashboardSort parse(String param) {
        if (param == null || param.isBlank()) {
            return NAME;
        }
        return Arrays.stream(values()).filter(s -> s.param.equals(param)).findFirst()
                .orElseThrow(() -> ApiException.invalid(List.of(new FieldError("sort", "must be one of "
                        + Arrays.stream(values()).map(DashboardSort::param).toList() + ": " + param))));
    }
}
