package dev.stride.contentstate.content;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import dev.stride.api.cassandra.Cql;
import dev.stride.contentstate.enrolment.BatchEnrolmentRepository;
import dev.stride.contentstate.enrolment.UserEnrolmentRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows one accepted enrolment group writes, in two round trips instead of one per table: facts, the event's
 * history row and attempts share the partition key (tenant, user_id, course_id, batch_id), so Cassandra applies them
 * as one mutation (atomic, one commit-log entry, exempt from the batch size limit); the two last-read rows are two
 * small partitions sent as one unlogged batch.
 */
@Component
public class EnrolmentWrites {

    private final CqlSession session;
    private final ContentFactRepository facts;
    private final ProgressHistoryRepository history;
    private final AssessmentAttemptRepository attempts;
    private final UserEnrolmentRepository byUser;
    private final BatchEnrolmentRepository byBatch;

    public EnrolmentWrites(CqlSession session, ContentFactRepository facts, ProgressHistoryRepository history,
                           AssessmentAttemptRepository attempts, UserEnrolmentRepository byUser,
                           BatchEnrolmentRepository byBatch) {
        this.session = session;
        this.facts = facts;
        this.history = history;
        this.attempts = attempts;
        this.byUser = byUser;
        this.byBatch = byBatch;
    }

    /** Completes when every row is written; both round trips run concurrently. */
    public Mono<Void> write(PendingEvent p, List<Fact> accepted, Collection<UpdateRequest.Content> received,
                            UserEnrolmentRepository.LastRead read) {
        EnrolmentKey k = p.key();
        List<BoundStatement> enrolmentPartition = new ArrayList<>(facts.inserts(k, accepted));
        enrolmentPartition.add(history.append(p, received));
        p.assessments().forEach(a -> enrolmentPartition.add(attempts.insert(k, a, p.ingestTime())));
        BatchStatement lastRead = BatchStatement.newInstance(DefaultBatchType.UNLOGGED,
                byUser.lastRead(k.tenant(), k.userId(), k.courseId(), k.batchId(), read),
                byBatch.lastRead(k.tenant(), k.courseId(), k.batchId(), k.userId(), read));
        return Mono.when(Cql.executeInOnePartition(session, enrolmentPartition), Cql.execute(session, lastRead));
    }
}
