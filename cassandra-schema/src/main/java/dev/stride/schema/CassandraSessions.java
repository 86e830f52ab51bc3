package dev.stride.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Opens driver sessions the same way in every module (contact points as {@code host:port[,host:port...]}). */
public final class CassandraSessions {

    public static final int DEFAULT_PORT = 9042;

    private CassandraSessions() {
    }

    /**
     * A session on {@code hostPort} (e.g. {@code 127.0.0.1:9042} or {@code n1:9042,n2:9042}) routing to
     * {@code localDc}; bound to {@code keyspaceOrNull} unless it is null. Other driver settings come from the usual
     * {@code application.conf} / {@code datastax-java-driver.*} system properties.
     */
    public static CqlSession open(String hostPort, String localDc, String keyspaceOrNull) {
        return open(hostPort, localDc, keyspaceOrNull, null);
    }

    /** As {@link #open(String, String, String)} with explicit driver settings (e.g. a programmatic config loader). */
    public static CqlSession open(String hostPort, String localDc, String keyspaceOrNull,
                                  DriverConfigLoader configOrNull) {
        if (localDc == null || localDc.isBlank()) {
            throw new IllegalArgumentException("local data centre is required (e.g. datacenter1)");
        }
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoints(contactPoints(hostPort))
                .withLocalDatacenter(localDc);
        if (configOrNull != null) {
            builder.withConfigLoader(configOrNull);
        }
        if (keyspaceOrNull != null) {
            builder.withKeyspace(CqlIdentifier.fromCql(keyspaceOrNull));
        }
        return builder.build();
    }

    /** Parses {@code host[:port]} entries separated by commas; IPv6 hosts in brackets ({@code [::1]:9042}). */
    public static List<InetSocketAddress> contactPoints(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            throw new IllegalArgumentException("contact point is required (host:port)");
        }
        List<InetSocketAddress> points = new ArrayList<>();
        for (String entry : hostPort.split(",")) {
            String e = entry.strip();
            String host;
            String port = null;
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("contact point '" + e + "' lacks the closing ]");
                }
                host = e.substring(1, close);
                if (e.length() > close + 1) {
                    if (e.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("contact point '" + e + "' is not [host]:port");
                    }
                    port = e.substring(close + 2);
                }
            } else {
                int colon = e.lastIndexOf(':');
                if (colon >= 0 && e.indexOf(':') == colon) {
                    host = e.substring(0, colon);
                    port = e.substring(colon + 1);
                } else {
                    host = e; // no port, or a bare IPv6 address
                }
            }
            if (host.isBlank()) {
                throw new IllegalArgumentException("contact point '" + e + "' has no host");
            }
            points.add(new InetSocketAddress(host, port == null ? DEFAULT_PORT : parsePort(e, port)));
        }
        return points;
    }

    private static int parsePort(String entry, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("contact point '" + entry + "' has an invalid port '" + port + "'");
        }
    }
}
