package dev.stride.contentstate.batch;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.contentstate.config.NearCache;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Tables batch_by_id ((tenant, batch_id)) and course_batch ((tenant, course_id), batch_id), written together. */
@Repository
public class BatchRepository {

    private static final String COLUMNS = "name, description, start_date, end_date, enrollment_end_date,"
            + " enrollment_type, created_by, created_at, updated_at";
    private final CqlSession session;
    private final PreparedStatement insertById;
    private final PreparedStatement insertByCourse;
    private final PreparedStatement findById;
    private final NearCache<List<String>, Batch> found = new NearCache<>(Duration.ofMinutes(5), 100_000);

    public BatchRepository(CqlSession session) {
        this.session = session;
        this.insertById = session.prepare("INSERT INTO batch_by_id (tenant, batch_id, course_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertByCourse = session.prepare("INSERT INTO course_batch (tenant, course_id, batch_id, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.findById = session.prepare("SELECT batch_id, course_id, " + COLUMNS
                + " FROM batch_by_id WHERE tenant = ? AND batch_id = ?");
    }

    /** Both tables in one logged batch: a batch is never readable by id but missing from its course's list. */
    public Mono<Void> save(String tenant, Batch b) {
        Instant now = Instant.now();
        Object[] values = {b.name(), b.description(), b.startDate(), b.endDate(), b.enrollmentEndDate(),
                b.enrollmentType(), b.createdBy(), b.createdAt(), now};
        return Cql.execute(session, BatchStatement.newInstance(DefaultBatchType.LOGGED,
                insertById.bind(concat(tenant, b.batchId(), b.courseId(), values)),
                insertByCourse.bind(concat(tenant, b.courseId(), b.batchId(), values))));
    }

    /** Batches are never changed after creation, so a found one may be served from memory. */
    public Mono<Batch> find(String tenant, String batchId) {
        return found.get(List.of(tenant, batchId),
                k -> Cql.one(session, findById.bind(tenant, batchId)).map(BatchRepository::batch));
    }

    private static Batch batch(Row r) {
        return new Batch(r.getString("batch_id"), r.getString("course_id"), r.getString("name"),
                r.getString("description"), r.getLocalDate("start_date"), r.getLocalDate("end_date"),
                r.getLocalDate("enrollment_end_date"), r.getString("enrollment_type"), r.getString("created_by"),
                r.getInstant("created_at"));
    }

    private static Object[] concat(String a, String b, String c, Object[] rest) {
        Object[] out = new Object[3 + rest.length];
        out[0] = a;
        out[1] = b;
        out[2] = c;
        System.arraycopy(rest, 0, out, 3, rest.length);
        return out;
    }
}
