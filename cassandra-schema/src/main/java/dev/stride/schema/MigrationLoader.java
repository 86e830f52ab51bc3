package dev.stride.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds migrations on the classpath through {@code <location>/index.txt} (one file name a line, {@code #} comments):
 * an index works the same from a directory, a jar or a Spring Boot fat jar, where scanning does not.
 */
public final class MigrationLoader {

    /** Where this module's migrations live on the classpath. */
    public static final String DEFAULT_LOCATION = "db/migration";

    private MigrationLoader() {
    }

    /** This module's migrations, sorted by version. */
    public static List<Migration> load() {
        return load(MigrationLoader.class.getClassLoader(), DEFAULT_LOCATION);
    }

    /** The migrations listed in {@code location/index.txt}, sorted by version; duplicate versions are refused. */
    public static List<Migration> load(ClassLoader classLoader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        String index = read(classLoader, base + "index.txt");
        List<Migration> migrations = new ArrayList<>();
        for (String name : parseIndex(index)) {
            migrations.add(Migration.of(name, read(classLoader, base + name)));
        }
        return sortAndCheck(migrations);
    }

    /** File names listed in an index text: trimmed, blank lines and {@code #} comments skipped. */
    public static List<String> parseIndex(String indexText) {
        List<String> names = new ArrayList<>();
        for (String line : CqlScript.normalise(indexText).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Sorted by version; two files with the same version are an error (they would race for one schema_version row). */
    public static List<Migration> sortAndCheck(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        Map<Integer, String> seen = new HashMap<>();
        for (Migration m : sorted) {
            String previous = seen.put(m.version(), m.fileName());
            if (previous != null) {
                throw new MigrationException("two migrations have version " + m.version() + ": "
                        + previous + " and " + m.fileName());
            }
        }
        return List.copyOf(sorted);
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationException("classpath resource " + resource + " not found"
                        + (resource.endsWith("index.txt") ? "" : " (it is listed in index.txt)"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("cannot read classpath resource " + resource, e);
        }
    }
}
