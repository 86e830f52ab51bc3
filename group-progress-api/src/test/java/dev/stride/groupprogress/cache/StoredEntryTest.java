package dev.stride.groupprogress.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEntryTest {

    private static final byte[] JSON = "{\"members\":[{\"userId\":\"m1\",\"completionPercentage\":50.0}]}".repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsTheHeaderAndRebuildsTheJsonFromItsDeflatedForm() {
        AnswerBytes bytes = AnswerBytes.of(JSON);
        Instant at = Instant.parse("2026-11-22T10:00:00.123456789Z");
        byte[] raw = new StoredEntry(at, 502, bytes).encode();
        assertThat(raw.length).as("stores the deflated JSON, not the JSON").isLessThan(JSON.length / 5);
        StoredEntry back = StoredEntry.decode(raw);
        assertThat(back.computedAt()).isEqualTo(at);
        assertThat(back.reads()).isEqualTo(502);
        assertThat(back.bytes().json()).isEqualTo(JSON);
        assertThat(back.bytes().deflated()).isEqualTo(bytes.deflated());
        assertThat(back.bytes().tag()).isEqualTo(bytes.tag());
        assertThat(back.bytes().crc()).isEqualTo(bytes.crc());
    }

    @Test
    void otherFormatsTruncationAndCorruptionReadAsMisses() {
        byte[] raw = new StoredEntry(Instant.now(), 1, AnswerBytes.of(JSON)).encode();
        assertThat(StoredEntry.decode("{\"computedAt\":\"2026-11-22T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(StoredEntry.decode(java.util.Arrays.copyOf(raw, raw.length - 3))).isNull();
        assertThat(StoredEntry.decode(new byte[0])).isNull();
        byte[] flipped = raw.clone();
        flipped[flipped.length - 10] ^= 0x40; // inside the deflated data: inflate fails or the CRC does not match
        assertThat(StoredEntry.decode(flipped)).isNull();
    }

    @Test
    void theTagFollowsTheContent() {
        assertThat(AnswerBytes.of(JSON).tag()).isEqualTo(AnswerBytes.of(JSON.clone()).tag());
        byte[] other = JSON.clone();
        other[20] = 'X';
        assertThat(AnswerBytes.of(other).tag()).isNotEqualTo(AnswerBytes.of(JSON).tag());
    }
}
