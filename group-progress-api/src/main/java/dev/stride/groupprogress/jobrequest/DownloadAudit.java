package dev.stride.groupprogress.jobrequest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.auth.Caller;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * access_audit ((tenant, subject_user_id), accessed_at, access_id): one row per report download. The subject is the
 * batch, group or course the report covers ({@code batch:<id>}, ...): a report reads many learners at once.
 */
@Repository
public class DownloadAudit {

    public static final String ACTION = "download";

    private final CqlSession session;
    private final PreparedStatement insert;

    public DownloadAudit(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO " + StrideTables.ACCESS_AUDIT + " (tenant, subject_user_id,"
                + " accessed_at, access_id, reader_id, reader_roles, resource, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    public Mono<Void> record(Caller reader, String subject, String resource, Instant at) {
        return Cql.execute(session, insert.bind(reader.tenant(), subject, at, UUID.randomUUID().toString(),
                reader.userId(), reader.roles(), resource, ACTION));
    }
}
