package dev.stride.groupprogress.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/** Two independent gzip decoders for tests: the JDK's stream, and a strict single-member one as a browser decodes. */
public final class GzipDecode {

    private GzipDecode() {
    }

    public static byte[] jdk(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the 10-byte header (no optional fields expected), inflates the raw DEFLATE stream with
     * {@code Inflater(nowrap)} until its final block, then insists that exactly the 8-byte trailer is left and that
     * its CRC-32 and ISIZE match: one member, nothing after it (GZIPInputStream would silently read on).
     */
    public static byte[] strict(byte[] gzip) {
        if (gzip.length < 18 || (gzip[0] & 0xff) != 0x1f || (gzip[1] & 0xff) != 0x8b || gzip[2] != 8) {
            throw new IllegalArgumentException("not a gzip header");
        }
        if (gzip[3] != 0) {
            throw new IllegalArgumentException("unexpected header flags " + gzip[3]);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(gzip, 10, gzip.length - 10);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the DEFLATE stream ends without a final block");
                }
                out.write(buf, 0, n);
            }
            if (inflater.getRemaining() != 8) {
                throw new IllegalArgumentException(inflater.getRemaining() + " bytes after the DEFLATE stream, not an 8-byte trailer");
            }
            int t = gzip.length - 8;
            byte[] plain = out.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(plain);
            if (le(gzip, t) != crc.getValue()) {
                throw new IllegalArgumentException("CRC-32 mismatch");
            }
            if (le(gzip, t + 4) != (plain.length & 0xffffffffL)) {
                throw new IllegalArgumentException("ISIZE mismatch");
            }
            return plain;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("bad DEFLATE data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static long le(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
}
