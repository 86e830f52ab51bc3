package dev.stride.groupprogress.jobrequest;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The newest report_files ((tenant, report_key), generated_at DESC) row of a requested report ({@code request:<requestId>}). */
@Repository
public class RequestedReportFiles {

    /** Where the generator published the file, relative to the report store root. */
    public record PublishedFile(String path, long sizeBytes, Instant generatedAt) {
    }

    private final CqlSession session;
    private final PreparedStatement newest;

    public RequestedReportFiles(CqlSession session) {
        this.session = session;
        this.newest = session.prepare("SELECT path, size_bytes, generated_at FROM " + StrideTables.REPORT_FILES
                + " WHERE tenant = ? AND report_key = ? LIMIT 1");
    }

    public static String reportKey(String requestId) {
        return "request:" + requestId;
    }

    public Mono<PublishedFile> newest(String tenant, String requestId) {
        return Cql.one(session, newest.bind(tenant, reportKey(requestId)))
                .filter(r -> r.getString("path") != null)
                .map(r -> new PublishedFile(r.getString("path"), r.getLong("size_bytes"), r.getInstant("generated_at")));
    }
}
