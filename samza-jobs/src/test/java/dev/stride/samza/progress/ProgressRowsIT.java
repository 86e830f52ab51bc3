package dev.stride.samza.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.schema.CassandraSessions;
import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static dev.stride.samza.progress.JobFixture.COURSE;
import static dev.stride.samza.progress.JobFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last-read columns follow the access-time rule whoever writes them: an aggregate computed before the learner's
 * latest update (a job behind its input, written later) never moves them back, while its progress columns still land;
 * on an equal access time the aggregator's tuple wins whole.
 */
@StrideIntegrationTest
class ProgressRowsIT {

    @Test
    void anOlderAccessWrittenLaterNeverMovesTheLastReadBack(StrideStack stack) throws Exception {
        try (JobFixture f = JobFixture.create(stack, "lastread");
             CqlSession ks = CassandraSessions.open(stack.cassandraContactPoint(), "datacenter1", f.keyspace)) {
            ProgressRows rows = new ProgressRows(ks);
            Instant t1 = Instant.parse("2026-03-01T08:00:00.001Z");
            Instant t2 = Instant.parse("2026-03-01T08:05:00.002Z");
            // as content-state-api writes it on the learner's latest update (cell time = access time t2)
            for (String table : new String[]{"user_enrolments", "enrolments_by_batch"}) {
                ks.execute("UPDATE " + table + " USING TIMESTAMP ? SET last_read_content_id = 'c2', last_read_content_status = 1,"
                        + " last_access_time = ? WHERE tenant = ? AND user_id = 'u1' AND course_id = ? AND batch_id = 'b1'",
                        t2.toEpochMilli() * 1000, t2, TENANT, COURSE);
            }
            // the job's aggregate of the state before that update arrives afterwards, with a later write time
            EnrolmentAggregate behind = aggregate(t1, "c1", 2, 1, Instant.now());
            for (var statement : rows.upserts(behind)) {
                ks.execute(statement.setQueryTimestamp(CassandraProgressSink.nextMicros()));
            }
            for (String table : new String[]{"user_enrolments", "enrolments_by_batch"}) {
                Row r = ks.execute("SELECT last_read_content_id, last_read_content_status, last_access_time, progress FROM " + table
                        + " WHERE tenant = ? AND user_id = 'u1' AND course_id = ? AND batch_id = 'b1'",
                        TENANT, COURSE).one();
                assertThat(r.getString(0)).as(table).isEqualTo("c2");
                assertThat(r.getInt(1)).as(table).isEqualTo(1);
                assertThat(r.getInstant(2)).as(table).isEqualTo(t2);
                assertThat(r.getInt(3)).as(table + ": the progress columns still land").isEqualTo(1);
            }
            // once the job has the latest update its aggregate agrees, and a later access moves everything forward
            Instant t3 = t2.plusSeconds(60);
            for (var statement : rows.upserts(aggregate(t3, "c3", 2, 2, Instant.now()))) {
                ks.execute(statement.setQueryTimestamp(CassandraProgressSink.nextMicros()));
            }
            EnrolmentAggregate read = rows.readUserEnrolment(TENANT, "u1", COURSE, "b1").orElseThrow();
            assertThat(read.lastAccessTime()).isEqualTo(t3);
            assertThat(read.lastReadContentId()).isEqualTo("c3");
            assertThat(read.completedCount()).isEqualTo(2);

            // the same access millisecond from both writers (a request of several contents with one lastAccessTime):
            // the aggregator's whole tuple wins, never its content id with the API's status (equal cell times would
            // keep the larger value cell by cell: c9 with status 2 here)
            Instant t4 = t3.plusSeconds(60);
            ks.execute("UPDATE user_enrolments USING TIMESTAMP ? SET last_read_content_id = 'c9', last_read_content_status = 1,"
                    + " last_access_time = ? WHERE tenant = ? AND user_id = 'u1' AND course_id = ? AND batch_id = 'b1'",
                    t4.toEpochMilli() * 1000, t4, TENANT, COURSE);
            for (var statement : rows.upserts(aggregate(t4, "c4", 2, 3, Instant.now()))) {
                ks.execute(statement.setQueryTimestamp(CassandraProgressSink.nextMicros()));
            }
            EnrolmentAggregate tie = rows.readUserEnrolment(TENANT, "u1", COURSE, "b1").orElseThrow();
            assertThat(tie.lastReadContentId()).isEqualTo("c4");
            assertThat(tie.lastReadContentStatus()).isEqualTo(2);
        }
    }

    private static EnrolmentAggregate aggregate(Instant lastAccess, String lastContent, int lastStatus, int completed, Instant updatedAt) {
        return new EnrolmentAggregate(TENANT, "u1", COURSE, "b1", 1, completed, 4, 25.0 * completed, null, lastAccess, lastContent,
                lastStatus, Map.of(lastContent, lastStatus), Map.of(), Map.of(), 0, 0, Map.of("completedCount", (double) completed),
                Map.of("completedCount", updatedAt), updatedAt);
    }
}
