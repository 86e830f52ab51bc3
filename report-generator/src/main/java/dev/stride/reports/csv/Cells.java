package dev.stride.reports.csv;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values become CSV cells: ISO-8601 dates, plain numbers, empty for unknown, no spreadsheet formulas. */
public final class Cells {

    // Second precision, always with the Z: the same width on every row, what spreadsheets parse.
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Cells() {
    }

    /**
     * Free text (names, organisation fields): a value a spreadsheet would run as a formula ({@code = + - @}, tab, CR
     * first) gets a leading apostrophe (CSV injection). Ids are validated to [A-Za-z0-9_.:@-] and written as they are.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    public static String id(String s) {
        return s == null ? "" : s;
    }

    /** A whole number without ".0", otherwise at most two decimals; empty for null. */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "";
        }
        double rounded = Math.round(v * 100) / 100.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return Double.toString(rounded);
    }

    public static String number(Long v) {
        return v == null ? "" : Long.toString(v);
    }

    /** ISO-8601 UTC instant to the second, e.g. {@code 2026-03-01T08:15:00Z}. */
    public static String instant(Instant t) {
        return t == null ? "" : INSTANT.format(t);
    }

    /** ISO-8601 date, e.g. {@code 2026-03-01}. */
    public static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** Enrolment status as Sunbird reports it. */
    public static String status(Integer status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case 0 -> "Not Started";
            case 1 -> "In Progress";
            case 2 -> "Completed";
            default -> Integer.toString(status);
        };
    }
}
