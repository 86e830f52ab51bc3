package dev.stride.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Text handling of a CQL migration file: line-ending normalisation, checksum, statement splitting. */
public final class CqlScript {

    private CqlScript() {
    }

    /** CRLF and CR become LF and a leading byte-order mark is dropped, so a checkout on Windows has the same checksum. */
    public static String normalise(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Lower-case hex SHA-256 of the normalised text (UTF-8). */
    public static String checksum(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    /**
     * Splits a script into statements at each {@code ;} outside string literals, quoted identifiers and comments.
     * Comments ({@code --}, {@code //}, {@code /* *}{@code /}) are removed; blank statements are dropped; a last
     * statement without {@code ;} is kept. Literals: {@code '...'} and {@code "..."} (doubled quote escapes) and
     * {@code $$...$$}.
     *
     * @throws IllegalArgumentException on an unterminated literal or block comment
     */
    public static List<String> split(String script) {
        String s = normalise(script);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfQuoted(s, i, c);
                current.append(s, i, end);
                i = end;
            } else if (s.startsWith("$$", i)) {
                int close = s.indexOf("$$", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated $$ literal starting at line " + lineOf(s, i));
                }
                current.append(s, i, close + 2);
                i = close + 2;
            } else if (s.startsWith("--", i) || s.startsWith("//", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? n : eol; // keep the newline itself
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated /* comment starting at line " + lineOf(s, i));
                }
                current.append(' ');
                i = close + 2;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return List.copyOf(statements);
    }

    private static int endOfQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2; // doubled quote is an escaped quote
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated " + quote + " literal starting at line " + lineOf(s, start));
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
