package dev.stride.core.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SunbirdTimestampsTest {

    private static final Instant EXPECTED = Instant.parse("2020-11-23T12:58:35.179Z");

    @ParameterizedTest
    @ValueSource(strings = {
            "2020-11-23 12:58:35:179+0000",
            "2020-11-23 18:28:35:179+0530",
            "2020-11-23 12:58:35.179+0000",
            "2020-11-23 18:28:35:179+05:30",
            "2020-11-23 12:58:35:179Z",
            "2020-11-23T12:58:35.179Z",
            "2020-11-23T18:28:35.179+05:30",
            "1606136315179",
            " 1606136315179 ",
    })
    void parsesSunbirdIsoAndEpochMillis(String text) {
        assertThat(SunbirdTimestamps.parse(text)).contains(EXPECTED);
    }

    @Test
    void parsesWithoutMillis() {
        assertThat(SunbirdTimestamps.parse("2020-11-23 12:58:35+0000")).contains(Instant.parse("2020-11-23T12:58:35Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "2020-13-23 12:58:35:179+0000", "2020-02-30 12:58:35:179+0000",
            "2020-11-23 12:58:35:179", "2020-11-23T12:58:35.179", "12:58", "99999999999999999999", "  "})
    void rejectsGarbage(String text) {
        assertThat(SunbirdTimestamps.parse(text)).isEmpty();
    }

    @Test
    void parseOrThrowThrowsOnGarbage() {
        assertThatThrownBy(() -> SunbirdTimestamps.parseOrThrow("nope"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "2020-11-23T12:58:35.179Z, 2020-11-23 12:58:35:179+0000",
            "2020-01-02T03:04:05Z,     2020-01-02 03:04:05:000+0000",
            "2020-01-02T03:04:05.123456Z, 2020-01-02 03:04:05:123+0000",
    })
    void formatsInSunbirdForm(String iso, String sunbird) {
        assertThat(SunbirdTimestamps.format(Instant.parse(iso))).isEqualTo(sunbird);
    }

    @Test
    void roundTrips() {
        assertThat(SunbirdTimestamps.parse(SunbirdTimestamps.format(EXPECTED))).contains(EXPECTED);
    }
}
