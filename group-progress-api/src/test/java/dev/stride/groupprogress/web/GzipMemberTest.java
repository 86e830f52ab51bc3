package dev.stride.groupprogress.web;

import dev.stride.groupprogress.cache.AnswerBytes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GzipMemberTest {

    @Test
    void splicedMemberDecodesToPrefixMiddleSuffixWithBothDecoders() {
        Random random = new Random(7);
        int[][] sizes = {{0, 0, 0}, {1, 0, 1}, {230, 480_000, 1}, {70_000, 5, 140_000}, {65_535, 65_536, 65_535}};
        for (int[] s : sizes) {
            byte[] prefix = text(random, s[0]);
            byte[] middle = text(random, s[1]);
            byte[] suffix = text(random, s[2]);
            byte[] gzip = join(GzipMember.of(prefix, AnswerBytes.of(middle), suffix));
            byte[] expected = join(List.of(prefix, middle, suffix));
            assertThat(GzipDecode.jdk(gzip)).as("JDK GZIPInputStream, sizes %s/%s/%s", s[0], s[1], s[2]).isEqualTo(expected);
            assertThat(GzipDecode.strict(gzip)).as("raw Inflater, sizes %s/%s/%s", s[0], s[1], s[2]).isEqualTo(expected);
        }
    }

    @Test
    void theMiddleIsSharedAndCompressed() {
        byte[] middle = "{\"completionPercentage\":50.0},".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        AnswerBytes bytes = AnswerBytes.of(middle);
        List<byte[]> chunks = GzipMember.of("{\"a\":".getBytes(StandardCharsets.UTF_8), bytes, "}".getBytes(StandardCharsets.UTF_8));
        assertThat(chunks.get(1)).as("the cached segment itself, not a copy").isSameAs(bytes.deflated());
        assertThat(join(chunks).length).isLessThan(middle.length / 20);
    }

    @Test
    void theStrictDecoderCatchesAWrongTrailer() {
        byte[] gzip = join(GzipMember.of(new byte[]{'['}, AnswerBytes.of(new byte[]{'1'}), new byte[]{']'}));
        gzip[gzip.length - 8] ^= 1;
        assertThatThrownBy(() -> GzipDecode.strict(gzip)).hasMessageContaining("CRC-32");
    }

    private static byte[] text(Random random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) { // JSON-ish: compressible, but not trivially
            b[i] = (byte) ("{}\":,0123456789abcdefghij ".charAt(random.nextInt(26)));
        }
        return b;
    }

    private static byte[] join(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
