package dev.stride.schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned CQL file, {@code V<NNN>__<description>.cql}.
 *
 * @param version     the number after V (unique, applied in ascending order)
 * @param description the part after the double underscore, underscores shown as spaces
 * @param fileName    the file name as listed in the index
 * @param text        the file text with normalised line endings
 * @param checksum    SHA-256 of {@code text} (see {@link CqlScript#checksum})
 */
public record Migration(int version, String description, String fileName, String text, String checksum) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_\\-]+)\\.cql");

    public Migration {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** Builds a migration from its file name and raw text; the name must match {@code V<digits>__<description>.cql}. */
    public static Migration of(String fileName, String rawText) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException("migration file name '" + fileName
                    + "' does not match V<NNN>__<description>.cql (e.g. V005__add_certificates.cql)");
        }
        int version;
        try {
            version = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new MigrationException("migration version of '" + fileName + "' is too large", e);
        }
        String text = CqlScript.normalise(rawText);
        return new Migration(version, m.group(2).replace('_', ' '), fileName, text, CqlScript.checksum(text));
    }

    /** The statements of the file in order, comments removed. */
    public List<String> statements() {
        try {
            return CqlScript.split(text);
        } catch (IllegalArgumentException e) {
            throw new MigrationException(fileName + ": " + e.getMessage(), e);
        }
    }
}
