package dev.stride.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Keyspace replication: {@code SimpleStrategy} with one factor (a single machine / single DC) or
 * {@code NetworkTopologyStrategy} with a factor per data centre (production: RF 3 per DC).
 *
 * @param strategy {@code SimpleStrategy} or {@code NetworkTopologyStrategy}
 * @param factors  {@code replication_factor -> n} for SimpleStrategy, {@code dc -> n} for NetworkTopologyStrategy
 */
public record Replication(String strategy, Map<String, Integer> factors) {

    public static final String SIMPLE = "SimpleStrategy";
    public static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";

    public Replication {
        Objects.requireNonNull(strategy, "strategy");
        if (!SIMPLE.equals(strategy) && !NETWORK_TOPOLOGY.equals(strategy)) {
            throw new IllegalArgumentException("replication strategy must be " + SIMPLE + " or " + NETWORK_TOPOLOGY
                    + ", not " + strategy);
        }
        if (factors == null || factors.isEmpty()) {
            throw new IllegalArgumentException("replication needs at least one factor");
        }
        // Sorted copy: the rendered CQL is deterministic whatever map the caller passed.
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(factors)));
        factors.forEach((name, n) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("data centre name must not be blank");
            }
            if (n == null || n < 0) {
                throw new IllegalArgumentException("replication factor of " + name + " must be >= 0, not " + n);
            }
        });
        if (factors.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("at least one replication factor must be > 0");
        }
    }

    public static Replication simple(int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, not " + replicationFactor);
        }
        return new Replication(SIMPLE, Map.of("replication_factor", replicationFactor));
    }

    public static Replication networkTopology(Map<String, Integer> dataCentres) {
        return new Replication(NETWORK_TOPOLOGY, dataCentres);
    }

    /** Parses {@code simple:1} or {@code nts:dc1=3,dc2=3} (the runner's {@code --replication} option). */
    public static Replication parse(String spec) {
        String s = Objects.requireNonNull(spec, "spec").strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("replication '" + spec + "' must be simple:<rf> or nts:<dc>=<rf>,...");
        }
        String kind = s.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
        String rest = s.substring(colon + 1).strip();
        try {
            if (kind.equals("simple")) {
                return simple(Integer.parseInt(rest));
            }
            if (kind.equals("nts") || kind.equals("networktopology") || kind.equals("networktopologystrategy")) {
                Map<String, Integer> dcs = new LinkedHashMap<>();
                for (String pair : rest.split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("'" + pair.strip() + "' is not <dc>=<rf>");
                    }
                    dcs.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
                }
                return networkTopology(dcs);
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new IllegalArgumentException("replication '" + spec + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("replication '" + spec + "' must start with simple: or nts:");
    }

    /** The CQL map literal, e.g. {@code {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3}}. */
    public String toCql() {
        StringJoiner map = new StringJoiner(", ", "{", "}");
        map.add("'class': " + quote(strategy));
        factors.forEach((name, n) -> map.add(quote(name) + ": " + n));
        return map.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
