package dev.stride.groupprogress.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The Redis form of an entry: a small binary header (computedAt, reads, content tag, CRC-32 and length of the JSON)
 * and the JSON's deflated segment, not the JSON itself. A cross-instance hit then moves about a tenth of the
 * bytes and rebuilds the plain JSON by inflating (about 0.3 ms for 480 KB) instead of re-serialising or
 * re-compressing; the length and CRC are checked. Entries of an older release (other magic) read as a miss.
 */
record StoredEntry(Instant computedAt, int reads, AnswerBytes bytes) {

    private static final int MAGIC = 0x53475032; // "SGP2"

    byte[] encode() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(bytes.deflated().length + 96);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeInt(MAGIC);
            out.writeLong(computedAt.getEpochSecond());
            out.writeInt(computedAt.getNano());
            out.writeInt(reads);
            out.writeUTF(bytes.tag());
            out.writeLong(bytes.crc());
            out.writeInt(bytes.json().length);
            out.writeInt(bytes.deflated().length);
            out.write(bytes.deflated());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return buf.toByteArray();
    }

    /** The entry, or null when the bytes are not one (another release's format, truncated, or failing the CRC). */
    static StoredEntry decode(byte[] raw) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(raw))) {
            if (raw.length < 4 || in.readInt() != MAGIC) {
                return null;
            }
            Instant computedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            int reads = in.readInt();
            String tag = in.readUTF();
            long crc = in.readLong();
            int length = in.readInt();
            byte[] deflated = new byte[in.readInt()];
            in.readFully(deflated);
            AnswerBytes bytes = AnswerBytes.inflate(deflated, length, crc, tag);
            return bytes == null ? null : new StoredEntry(computedAt, reads, bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
