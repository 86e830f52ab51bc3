package dev.stride.druid;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the named queries under {@code sql/<datasource>/<query>.sql} over Avatica JDBC against a Druid broker, with
 * bound parameters only (values are never put into SQL text).
 *
 * <p>Every connection disables approximate distinct counts ({@code useApproximateCountDistinct=false}), so the
 * queries' {@code COUNT(DISTINCT id)} are exact and a duplicated row (append-only Druid, at-least-once feed) never
 * changes an answer. A datasource that does not exist yet ("Object ... not found": no row has arrived) is an empty
 * result; a broker that cannot answer within the timeout is {@link Unavailable}; anything else is
 * {@link QueryFailed} (a bug in a query, not an outage).
 */
public final class DruidSql {

    private static final Pattern DATASOURCE = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern QUOTED = Pattern.compile("FROM \"([A-Za-z0-9_\\-]+)\"");
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
    // Druid's validation error for a datasource no row has created yet (a table name in the FROM clause).
    private static final Pattern MISSING = Pattern.compile("Object '[^']*' not found");

    static {
        // Avatica's remote driver registers itself through the service loader; be explicit for shaded class paths.
        try {
            Class.forName("org.apache.calcite.avatica.remote.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("avatica-core is not on the class path", e);
        }
    }

    private final String url;
    private final Properties properties;
    private final Map<String, String> datasources;

    /**
     * @param broker      {@code host:port} or {@code http://host:port} of the Druid broker (or router)
     * @param timeout     bound of one query: connect, Druid's own query timeout and the HTTP response
     * @param datasources logical datasource name (as written in the SQL files) → the one to read; tests and
     *                    benchmarks point a query at a private datasource this way
     */
    public DruidSql(String broker, Duration timeout, Map<String, String> datasources) {
        this.url = jdbcUrl(broker);
        this.datasources = Map.copyOf(datasources);
        this.datasources.forEach((k, v) -> {
            if (!DATASOURCE.matcher(v).matches()) {
                throw new IllegalArgumentException("datasource name must match " + DATASOURCE + ": " + v);
            }
        });
        long ms = Math.max(1, timeout.toMillis());
        Properties p = new Properties();
        // Sent to Druid as query context: exact distinct counts, grouping sets for several of them in one query,
        // Druid-side timeout, UTC days.
        p.setProperty("useApproximateCountDistinct", "false");
        p.setProperty("useGroupingSetForExactDistinct", "true");
        p.setProperty("timeout", Long.toString(ms));
        p.setProperty("sqlTimeZone", "Etc/UTC");
        // Local to the Avatica client: bounds on connecting and on waiting for each HTTP response.
        p.setProperty("http_connection_timeout", Long.toString(Math.min(ms, 2_000)));
        p.setProperty("http_response_timeout", Long.toString(ms));
        this.properties = p;
    }

    public DruidSql(String broker, Duration timeout) {
        this(broker, timeout, Map.of());
    }

    /** {@code jdbc:avatica:remote:url=http://<broker>/druid/v2/sql/avatica/}. */
    public static String jdbcUrl(String broker) {
        String b = broker.trim();
        if (b.isEmpty()) {
            throw new IllegalArgumentException("Druid broker address must not be blank");
        }
        if (!b.startsWith("http://") && !b.startsWith("https://")) {
            b = "http://" + b;
        }
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return "jdbc:avatica:remote:url=" + b + "/druid/v2/sql/avatica/";
    }

    public String url() {
        return url;
    }

    /** Reads one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The SQL text of {@code sql/<name>.sql} (e.g. {@code learner_progress/trend-activity}). */
    public static String text(String name) {
        return TEXTS.computeIfAbsent(name, n -> {
            String path = "sql/" + n + ".sql";
            try (InputStream in = DruidSql.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("no query " + path + " on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The SQL that runs for {@code name}: the file's text with its datasources renamed as configured. */
    public String sql(String name) {
        String sql = text(name);
        Matcher m = QUOTED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String to = datasources.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement("FROM \"" + to + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Runs the named query with {@code params} bound in order; an empty list when a datasource it reads does not
     * exist yet.
     *
     * @throws Unavailable when Druid cannot be reached or does not answer in time
     * @throws QueryFailed when Druid refuses the query for another reason
     */
    public <T> List<T> query(String name, RowMapper<T> mapper, Object... params) {
        String sql = sql(name);
        try (Connection c = DriverManager.getConnection(url, properties);
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException | RuntimeException e) {
            return switch (classify(e)) {
                case MISSING_DATASOURCE -> List.of();
                case UNAVAILABLE -> throw new Unavailable("Druid at " + url + " did not answer query " + name + ": "
                        + rootMessage(e), e);
                case FAILED -> throw new QueryFailed("Druid refused query " + name + ": " + rootMessage(e), e);
            };
        }
    }

    /** How a failure of a query is treated. */
    enum Failure { MISSING_DATASOURCE, UNAVAILABLE, FAILED }

    /** Reads the failure's cause chain: what Druid said, or how the connection failed. */
    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (MISSING.matcher(said(t)).find()) {
                return Failure.MISSING_DATASOURCE;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = said(t).toLowerCase(Locale.ROOT);
            if (t instanceof IOException || msg.contains("connection refused") || msg.contains("timed out")
                    || msg.contains("timeout") || msg.contains("http/503") || msg.contains("http/502")
                    || msg.contains("http/504") || msg.contains("service unavailable")
                    || msg.contains("no server") || msg.contains("unable to connect")
                    // Druid's groupBy memory is too small for the query now: no answer, but nothing wrong with it.
                    || msg.contains("resourcelimitexceeded") || msg.contains("resource limit exceeded")) {
                return Failure.UNAVAILABLE;
            }
        }
        return Failure.FAILED;
    }

    /** The message, plus what the broker sent back: a failed prepare carries Druid's reason only in its remote traces. */
    private static String said(Throwable t) {
        StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
        if (t instanceof AvaticaSqlException a) {
            text.append('\n').append(a.getErrorMessage());
            a.getStackTraces().forEach(s -> text.append('\n').append(s));
        } else if (t instanceof AvaticaClientRuntimeException a) {
            a.getServerExceptions().forEach(s -> text.append('\n').append(s));
        }
        return text.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + " ← " + t;
    }

    /** Druid is down, unreachable or too slow: the caller answers 503 or retries later. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Druid answered with an error that is not an outage (e.g. an invalid query). */
    public static final class QueryFailed extends RuntimeException {
        public QueryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
