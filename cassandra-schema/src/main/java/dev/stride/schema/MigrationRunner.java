package dev.stride.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered CQL migrations of {@code db/migration} to a keyspace, once each, in version order.
 *
 * <p>Creates the keyspace if missing (an existing keyspace keeps its replication: change it with ALTER KEYSPACE),
 * records each applied file in {@code <keyspace>.schema_version}, refuses to run when an applied file was edited, and
 * holds a lease in {@code <keyspace>.schema_lock} so concurrent runners (several instances starting) take turns.
 * Migration statements never name the keyspace; they run with the keyspace set per request (protocol v5+).
 */
public final class MigrationRunner {

    static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration SCHEMA_AGREEMENT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration LOCK_WAIT = Duration.ofSeconds(60);
    static final Duration LOCK_TTL = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    // Unquoted CQL identifier rules for keyspaces (max 48 chars); anything else would need quoting everywhere.
    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
    private static final String VERSION_TABLE_CQL = "CREATE TABLE IF NOT EXISTS %s.schema_version ("
            + "version int PRIMARY KEY, description text, checksum text, applied_at timestamp, success boolean)";

    private MigrationRunner() {
    }

    /** Applies this module's pending migrations ({@link MigrationLoader#load()}) to {@code keyspace}. */
    public static MigrationResult migrate(CqlSession session, String keyspace, Replication replication) {
        return migrate(session, keyspace, replication, MigrationLoader.load());
    }

    /** Applies the given migrations (tests, or another module's own set) to {@code keyspace}. */
    public static MigrationResult migrate(CqlSession session, String keyspace, Replication replication,
                                          List<Migration> migrations) {
        CqlIdentifier ks = keyspaceId(keyspace);
        List<Migration> sorted = MigrationLoader.sortAndCheck(migrations);
        sorted.forEach(Migration::statements); // a malformed file fails before anything touches the cluster
        requirePerRequestKeyspace(session, ks);

        ddl(session, SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + ks.asCql(true)
                + " WITH replication = " + replication.toCql() + " AND durable_writes = true"));
        ddl(session, SimpleStatement.newInstance(VERSION_TABLE_CQL.formatted(ks.asCql(true))));
        ddl(session, SimpleStatement.newInstance(SchemaLock.TABLE_CQL.formatted(ks.asCql(true))));

        try (SchemaLock lock = SchemaLock.acquire(session, ks, LOCK_WAIT, LOCK_TTL)) {
            // Read under the lock: a runner that held it before us may have applied everything already.
            MigrationPlan plan = MigrationPlan.of(sorted, recorded(session, keyspace));
            if (!plan.unknownRecorded().isEmpty()) {
                LOG.warn("keyspace {} has migrations {} that this code does not know (a newer release applied them)",
                        ks.asInternal(), plan.unknownRecorded());
            }
            List<Integer> applied = new ArrayList<>();
            for (Migration m : plan.pending()) {
                apply(session, ks, m);
                applied.add(m.version());
                lock.renew();
            }
            List<Integer> skipped = plan.alreadyApplied().stream().map(Migration::version).toList();
            LOG.info("keyspace {}: applied {}, already applied {}", ks.asInternal(), applied, skipped);
            return new MigrationResult(ks.asInternal(), applied, skipped);
        }
    }

    /** The rows of {@code <keyspace>.schema_version} by version (empty if the table does not exist yet). */
    public static Map<Integer, AppliedMigration> recorded(CqlSession session, String keyspace) {
        CqlIdentifier ks = keyspaceId(keyspace);
        Map<Integer, AppliedMigration> rows = new TreeMap<>();
        boolean exists = session.execute(SimpleStatement.newInstance(
                        "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
                        ks.asInternal(), "schema_version")).one() != null;
        if (!exists) {
            return rows;
        }
        ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT version, description, checksum, applied_at,"
                        + " success FROM " + ks.asCql(true) + ".schema_version")
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
        for (Row row : rs) {
            rows.put(row.getInt("version"), new AppliedMigration(row.getInt("version"), row.getString("description"),
                    row.getString("checksum"), row.getInstant("applied_at"), row.getBoolean("success")));
        }
        return rows;
    }

    private static void apply(CqlSession session, CqlIdentifier ks, Migration m) {
        List<String> statements = m.statements();
        LOG.info("applying {} ({} statements) to {}", m.fileName(), statements.size(), ks.asInternal());
        for (int i = 0; i < statements.size(); i++) {
            try {
                ddl(session, SimpleStatement.newInstance(statements.get(i)).setKeyspace(ks));
            } catch (RuntimeException e) {
                try {
                    record(session, ks, m, false); // the next run retries the whole file: its statements are idempotent
                } catch (RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                throw new MigrationException("migration " + m.fileName() + " failed at statement " + (i + 1) + " of "
                        + statements.size() + " (" + e.getMessage() + "):\n" + statements.get(i), e);
            }
        }
        record(session, ks, m, true);
    }

    private static void record(CqlSession session, CqlIdentifier ks, Migration m, boolean success) {
        session.execute(SimpleStatement.newInstance("INSERT INTO " + ks.asCql(true) + ".schema_version"
                                + " (version, description, checksum, applied_at, success) VALUES (?, ?, ?, ?, ?)",
                        m.version(), m.description(), m.checksum(), Instant.now(), success)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                .setTimeout(DDL_TIMEOUT));
    }

    /** Runs one statement with the DDL timeout and waits until every node has the resulting schema. */
    private static void ddl(CqlSession session, SimpleStatement statement) {
        ResultSet rs = session.execute(statement.setTimeout(DDL_TIMEOUT).setIdempotent(true));
        if (rs.getExecutionInfo().isSchemaInAgreement() && session.checkSchemaAgreement()) {
            return;
        }
        Instant deadline = Instant.now().plus(SCHEMA_AGREEMENT_TIMEOUT);
        while (!session.checkSchemaAgreement()) {
            if (Instant.now().isAfter(deadline)) {
                throw new MigrationException("nodes did not agree on the schema within "
                        + SCHEMA_AGREEMENT_TIMEOUT.toSeconds() + " s after: " + statement.getQuery()
                        + " (check that every node is up: nodetool describecluster)");
            }
            SchemaLock.sleep(Duration.ofMillis(200));
        }
    }

    static CqlIdentifier keyspaceId(String keyspace) {
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace '" + keyspace
                    + "' must be a letter followed by up to 47 letters, digits or underscores");
        }
        return CqlIdentifier.fromCql(keyspace); // unquoted: case-insensitive, stored lower-case
    }

    // Per-request keyspace is a protocol v5 feature (Cassandra 4.0+); without it only a session opened on the keyspace works.
    private static void requirePerRequestKeyspace(CqlSession session, CqlIdentifier ks) {
        ProtocolVersion v = session.getContext().getProtocolVersion();
        boolean supported = v.getCode() >= 5 && !ProtocolVersion.DSE_V1.equals(v);
        if (!supported && !session.getKeyspace().map(ks::equals).orElse(false)) {
            throw new MigrationException("protocol " + v + " cannot set the keyspace per request: use Cassandra 4.0+"
                    + " (protocol v5) or a session opened on keyspace " + ks.asInternal());
        }
    }

    /** {@code --contact-point 127.0.0.1:9042 --datacenter datacenter1 --keyspace stride --replication simple:1}. */
    public static void main(String[] args) {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(RunnerOptions.USAGE);
            return;
        }
        try (CqlSession session = CassandraSessions.open(options.contactPoints(), options.datacenter(), null)) {
            MigrationResult result = migrate(session, options.keyspace(), options.replication());
            System.out.println("keyspace " + result.keyspace() + ": applied " + result.applied()
                    + ", already applied " + result.skipped());
        } catch (RuntimeException e) {
            System.err.println("migration failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
