package dev.stride.core.content;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reader of the common forms answers exactly as java.time's formatters do, wherever it answers. */
class SunbirdTimestampsProperties {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    @Property(tries = 20_000)
    void parseAgreesWithTheFormatters(@ForAll("nearlyCommonForms") String text) {
        assertThat(SunbirdTimestamps.parse(text)).isEqualTo(SunbirdTimestamps.parseWithFormatters(text.strip()));
    }

    @Property(tries = 2_000)
    void validInstantsInEitherFormAreReadByHand(@ForAll("instants") Instant instant) {
        assertThat(SunbirdTimestamps.parseCommonForm(instant.toString())).isEqualTo(instant); // years 1019-9892: 4 digits
        Instant millis = Instant.ofEpochMilli(instant.toEpochMilli());
        assertThat(SunbirdTimestamps.parseCommonForm(SunbirdTimestamps.format(millis))).isEqualTo(millis);
    }

    @Property(tries = 5_000)
    void epochMillisCheckIsTheRegex(@ForAll("epochLike") String text) {
        assertThat(SunbirdTimestamps.isEpochMillis(text)).isEqualTo(EPOCH_MILLIS.matcher(text).matches());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-30_000_000_000L, 250_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Strings shaped like the two common forms, with every part sometimes out of range or malformed. */
    @Provide
    Arbitrary<String> nearlyCommonForms() {
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.integers().between(1900, 2100).map(y -> pad(y, 4)),
                Arbitraries.integers().between(0, 9999).map(y -> pad(y, 4)), Arbitraries.strings().numeric().ofLength(4),
                Arbitraries.of("20x1", "202", "+2020"));
        Arbitrary<String> month = twoDigits(0, 13);
        Arbitrary<String> day = twoDigits(0, 32);
        Arbitrary<String> hour = twoDigits(0, 25);
        Arbitrary<String> minute = twoDigits(0, 61);
        Arbitrary<String> second = Arbitraries.oneOf(twoDigits(0, 61), Arbitraries.of("", "5", "5a"));
        Arbitrary<String> separator = Arbitraries.of("T", " ", "t", "_");
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of(".", ":", ","), Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11))
                        .as((mark, digits) -> mark + digits));
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "", "z", "+00", "-00:00", "+0000", "UTC", "+05:30:15"),
                Combinators.combine(Arbitraries.of("+", "-"), twoDigits(0, 20), Arbitraries.of(":", "", ";"), twoDigits(0, 61))
                        .as((sign, h, colon, m) -> sign + h + colon + m));
        Arbitrary<String> tail = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(" ", "x", "0", "Z"));
        return Combinators.combine(year, month, day, separator, hour, minute, second, fraction)
                .as((y, mo, d, sep, h, mi, s, f) -> y + "-" + mo + "-" + d + sep + h + ":" + mi + ":" + s + f)
                .flatMap(head -> Combinators.combine(offset, tail).as((o, t) -> head + o + t));
    }

    @Provide
    Arbitrary<String> epochLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-+ x").ofMinLength(0).ofMaxLength(21),
                Arbitraries.longs().map(v -> Long.toString(v)));
    }

    private static Arbitrary<String> twoDigits(int min, int max) {
        return Arbitraries.integers().between(min, max).map(v -> pad(v, 2));
    }

    private static String pad(int value, int width) {
        return String.format("%0" + width + "d", value);
    }
}
