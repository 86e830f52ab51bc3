package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;

import java.util.HashMap;
import java.util.Map;

/** One driver session per JVM and keyspace, shared by the container's tasks (a session per task would multiply pools). */
final class CassandraSessions {

    private record Shared(ProgressRows rows, int users) {
    }

    private static final Map<String, Shared> SESSIONS = new HashMap<>();

    private CassandraSessions() {
    }

    static synchronized ProgressRows acquire(AggregatorConfig c) {
        String id = c.cassandraContactPoints() + "/" + c.cassandraDatacenter() + "/" + c.keyspace();
        Shared s = SESSIONS.get(id);
        if (s == null) {
            CqlSession session = dev.stride.schema.CassandraSessions.open(c.cassandraContactPoints(),
                    c.cassandraDatacenter(), c.keyspace());
            s = new Shared(new ProgressRows(session), 0);
        }
        SESSIONS.put(id, new Shared(s.rows(), s.users() + 1));
        return s.rows();
    }

    static synchronized void release(AggregatorConfig c) {
        String id = c.cassandraContactPoints() + "/" + c.cassandraDatacenter() + "/" + c.keyspace();
        Shared s = SESSIONS.get(id);
        if (s == null) {
            return;
        }
        if (s.users() <= 1) {
            SESSIONS.remove(id);
            s.rows().session().close();
        } else {
            SESSIONS.put(id, new Shared(s.rows(), s.users() - 1));
        }
    }
}
