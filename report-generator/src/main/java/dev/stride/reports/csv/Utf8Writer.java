package dev.stride.reports.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A Writer that encodes to UTF-8 straight into a private byte buffer and hands the output stream a block at a time.
 * Unlike OutputStreamWriter it takes no lock and runs no CharsetEncoder per call: Commons CSV writes every cell with a
 * few small appends, and on a million rows that per-call work was a third of the generator's CPU. A surrogate pair
 * split between two calls is joined; a lone surrogate becomes '?', as String.getBytes does. Not thread-safe.
 */
final class Utf8Writer extends Writer {

    private static final int BLOCK = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[BLOCK];
    private int used;
    private char pendingHigh; // a high surrogate waiting for its low half

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && pendingHigh == 0 && used < BLOCK) {
                buffer[used++] = (byte) c; // the common case, kept small for the JIT
            } else {
                put(c);
            }
        }
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        if (csq instanceof String s) {
            write(s, start, end - start);
        } else {
            for (int i = start; i < end; i++) {
                put(csq.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        CharSequence s = csq == null ? "null" : csq;
        return append(s, 0, s.length());
    }

    private void put(char c) throws IOException {
        if (BLOCK - used < 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buffer[used++] = (byte) (0xF0 | (cp >> 18));
                buffer[used++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[used++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buffer[used++] = '?';
            if (BLOCK - used < 4) {
                drain();
            }
        }
        if (c < 0x80) {
            buffer[used++] = (byte) c;
        } else if (c < 0x800) {
            buffer[used++] = (byte) (0xC0 | (c >> 6));
            buffer[used++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[used++] = '?';
        } else {
            buffer[used++] = (byte) (0xE0 | (c >> 12));
            buffer[used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buffer[used++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /** Writes what is buffered (a pending high surrogate waits for its pair) and flushes the stream. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes everything, a lone pending surrogate as '?'; the output stream stays open. */
    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            if (BLOCK - used < 1) {
                drain();
            }
            buffer[used++] = '?';
        }
        flush();
    }
}
