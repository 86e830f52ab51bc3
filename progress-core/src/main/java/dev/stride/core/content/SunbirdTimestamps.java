package dev.stride.core.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;

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

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    private SunbirdTimestamps() {
    }

    /** The instant, or empty for null, blank or unparseable text (including a missing offset). */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) {
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
