package dev.stride.reports.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8WriterTest {

    @Test
    void encodesLikeStringGetBytesAcrossBlockBoundariesAndSurrogatePairs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("Zoë 李 😀, row ").append(i).append("\r\n"); // 😀 is a surrogate pair in UTF-16
        }
        for (int shift = 0; shift < 3; shift++) { // move the pairs across the 32 Ki-char block edge
            String s = "a".repeat(shift) + text;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(out);
            for (int i = 0; i < s.length(); i += 7) {
                w.append(s, i, Math.min(s.length(), i + 7));
            }
            w.close();
            assertThat(out.toByteArray()).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void loneSurrogatesBecomeQuestionMarksAsStringGetBytesDoes() throws IOException {
        for (String s : new String[] {"a\uD83Db", "a\uDE00b", "end\uD83D", "\uD83D\uD83D\uDE00"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(out);
            w.write(s);
            w.close();
            assertThat(out.toByteArray()).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
