package dev.stride.core.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * Timestamps as learner apps send them.
 *
 * <p>Accepted by {@link #parse}: Sunbird's {@code yyyy-MM-dd HH:mm:ss:SSSZ} ({@code 2020-11-23 12:58:35:179+0000};
 * also with {@code .} before the millis, without millis, or with {@code +05:30}/{@code Z} offsets), ISO-8601
 * instants and offset date-times ({@code 2020-11-23T12:58:35.179Z}, {@code 2020-11-23T18:28:35.179+05:30}), and
 * epoch milliseconds as a decimal string ({@code 1606136315179}, as Sunbird's assessmentTs).
 */
public final class SunbirdTimestamps {

    /** Sunbird's own form, always written in UTC: {@code 2020-11-23 12:58:35:179+0000}. */
    public static final DateTimeFormatter SUNBIRD =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss:SSSZ").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter SUNBIRD_LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendLiteral(':').appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HHMM", "+0000").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private SunbirdTimestamps() {
    }

    /** The instant, or empty for null, blank or unparseable text (including a missing offset). */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        Instant common = parseCommonForm(s);
        return common != null ? Optional.of(common) : parseWithFormatters(s);
    }

    /** Every accepted form, through java.time's formatters: the reference {@link #parseCommonForm} agrees with. */
    static Optional<Instant> parseWithFormatters(String s) {
        try {
            if (isEpochMillis(s)) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
            }
            if (s.indexOf('T') == 10) {
                return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            var parsed = SUNBIRD_LENIENT.parse(s);
            if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.empty(); // a time without an offset is ambiguous: refuse rather than guess a zone
            }
            return Optional.of(OffsetDateTime.from(parsed).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code -?\d{1,18}} (decimal epoch milliseconds), without a regex. */
    static boolean isEpochMillis(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The forms apps send on every update, read by hand: {@code 2020-11-23T12:58:35.179Z} (ISO, {@code Z} or
     * {@code +05:30}) and {@code 2020-11-23 12:58:35:179+0000} (Sunbird), seconds present, 1-9 fraction digits or none.
     * Why: the formatters were ~4 % of the API's CPU under the write bench (BENCHMARKS, issue 7, session 13).
     * Returns null for anything else, invalid values included, so {@link #parse}'s formatters keep the last word
     * (SunbirdTimestampsProperties checks both give the same instant wherever this answers).
     */
    static Instant parseCommonForm(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ') {
            return null;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19, nanos = 0;
        char mark = s.charAt(i);
        if (mark == '.' || (mark == ':' && sep == ' ')) {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            int width = i - start;
            if (width == 0) {
                return null;
            }
            for (int w = width; w < 9; w++) {
                nanos *= 10;
            }
        }
        try {
            ZoneOffset offset = offset(s, i, sep == ' ');
            return offset == null ? null : OffsetDateTime.of(LocalDate.of(year, month, day),
                    LocalTime.of(hour, minute, second, nanos), offset).toInstant();
        } catch (DateTimeException e) {
            return null; // an impossible date, time or offset: the formatters decide (and refuse it)
        }
    }

    /**
     * The offset that ends {@code s} at {@code i}: {@code Z}, {@code ±HH:MM}, or (Sunbird form) {@code ±HHMM}; null for
     * another shape. ZoneOffset checks the ranges (DateTimeException past 59 minutes or 18 hours).
     */
    private static ZoneOffset offset(String s, int i, boolean sunbird) {
        int rest = s.length() - i;
        if (rest == 1 && s.charAt(i) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest > 0 ? s.charAt(i) : 0;
        boolean colon = rest == 6 && s.charAt(i + 3) == ':';
        if ((sign != '+' && sign != '-') || !(colon || (rest == 5 && sunbird))) {
            return null;
        }
        int hours = digits(s, i + 1, 2), minutes = digits(s, colon ? i + 4 : i + 3, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        return sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    /** The number written by {@code width} digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** As {@link #parse} but throws DateTimeParseException on bad text. */
    public static Instant parseOrThrow(String text) {
        return parse(text).orElseThrow(() -> new DateTimeParseException(
                "not a Sunbird, ISO-8601 or epoch-millis timestamp", String.valueOf(text), 0));
    }

    /** Sunbird's form in UTC, e.g. {@code 2020-11-23 12:58:35:179+0000} (sub-millisecond digits dropped). */
    public static String format(Instant instant) {
        return SUNBIRD.format(instant);
    }
}
