package dev.stride.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease in {@code <keyspace>.schema_lock} taken with a lightweight transaction, so two runners (two service
 * instances starting at once) never apply DDL concurrently. The row has a TTL: a runner that dies releases it by expiry.
 */
final class SchemaLock implements AutoCloseable {

    static final String TABLE_CQL = "CREATE TABLE IF NOT EXISTS %s.schema_lock ("
            + "id text PRIMARY KEY, owner text, acquired_at timestamp)";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaLock.class);
    private static final String LOCK_ID = "migrations";

    private final CqlSession session;
    private final String table;
    private final String owner;
    private final Duration ttl;
    private boolean held;

    private SchemaLock(CqlSession session, CqlIdentifier keyspace, String owner, Duration ttl) {
        this.session = session;
        this.table = keyspace.asCql(true) + ".schema_lock";
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Takes the lock, polling until {@code wait} has passed; the lease lasts {@code ttl} unless renewed. */
    static SchemaLock acquire(CqlSession session, CqlIdentifier keyspace, Duration wait, Duration ttl) {
        SchemaLock lock = new SchemaLock(session, keyspace, newOwnerId(), ttl);
        Instant deadline = Instant.now().plus(wait);
        String holder;
        boolean waiting = false;
        while (true) {
            ResultSet rs = session.execute(lwt("INSERT INTO " + lock.table + " (id, owner, acquired_at) VALUES (?, ?, ?)"
                    + " IF NOT EXISTS USING TTL " + ttl.toSeconds(), LOCK_ID, lock.owner, Instant.now()));
            if (rs.wasApplied()) {
                lock.held = true;
                LOG.debug("schema lock {} taken by {}", lock.table, lock.owner);
                return lock;
            }
            Row current = rs.one();
            holder = current == null ? "?" : current.getString("owner");
            if (lock.owner.equals(holder)) { // an earlier attempt timed out but did write our row
                lock.held = true;
                return lock;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new MigrationException("another migration runner (" + holder + ") holds the lock in "
                        + lock.table + "; waited " + wait.toSeconds() + " s. If no runner is alive the lock expires by"
                        + " itself within " + ttl.toSeconds() + " s.");
            }
            if (!waiting) {
                LOG.info("schema lock {} held by {}, waiting up to {} s", lock.table, holder, wait.toSeconds());
                waiting = true;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** Extends the lease by another {@code ttl}; called between migrations so a long run keeps its lock. */
    void renew() {
        ResultSet rs = session.execute(lwt("UPDATE " + table + " USING TTL " + ttl.toSeconds()
                + " SET owner = ?, acquired_at = ? WHERE id = ? IF owner = ?", owner, Instant.now(), LOCK_ID, owner));
        if (!rs.wasApplied()) {
            held = false;
            throw new MigrationException("the schema lock in " + table + " expired or was taken over while "
                    + owner + " was migrating; stopped to avoid running DDL concurrently");
        }
    }

    @Override
    public void close() {
        if (held) {
            held = false;
            try {
                session.execute(lwt("DELETE FROM " + table + " WHERE id = ? IF owner = ?", LOCK_ID, owner));
            } catch (RuntimeException e) { // the migration itself is done; the lease ends by TTL
                LOG.warn("could not release schema lock {} (it expires within {} s): {}", table, ttl.toSeconds(),
                        e.toString());
            }
        }
    }

    private static SimpleStatement lwt(String cql, Object... values) {
        return SimpleStatement.newInstance(cql, values)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM)
                .setSerialConsistencyLevel(DefaultConsistencyLevel.SERIAL)
                .setTimeout(Duration.ofSeconds(30));
    }

    private static String newOwnerId() {
        // host@pid plus a random suffix: two runners in one JVM (tests) still have different owners.
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while migrating", e);
        }
    }
}
