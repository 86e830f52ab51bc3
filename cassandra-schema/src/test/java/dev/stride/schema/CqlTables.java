package dev.stride.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: the CREATE TABLE statements of migrations, read with regular expressions (enough for our files). */
record CqlTables(String statement, boolean ifNotExists, String name, List<String> partitionKey) {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)^CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)\\s*\\(.*");
    private static final Pattern COMPOSITE_KEY = Pattern.compile("(?is)PRIMARY\\s+KEY\\s*\\(\\s*\\(([^)]*)\\)");
    private static final Pattern SIMPLE_KEY = Pattern.compile("(?is)PRIMARY\\s+KEY\\s*\\(\\s*(\\w+)");

    static List<CqlTables> of(List<Migration> migrations) {
        List<CqlTables> tables = new ArrayList<>();
        for (Migration m : migrations) {
            for (String s : m.statements()) {
                Matcher create = CREATE_TABLE.matcher(s);
                if (create.matches()) {
                    tables.add(new CqlTables(s, create.group(1) != null, create.group(2), partitionKey(s)));
                }
            }
        }
        return tables;
    }

    private static List<String> partitionKey(String statement) {
        Matcher composite = COMPOSITE_KEY.matcher(statement);
        if (composite.find()) {
            return Arrays.stream(composite.group(1).split(",")).map(String::strip).toList();
        }
        Matcher simple = SIMPLE_KEY.matcher(statement);
        return simple.find() ? List.of(simple.group(1)) : List.of();
    }
}
