package dev.stride.groupprogress.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.Map;

/**
 * Table user_activity_agg ((tenant, activity_type, activity_id, user_id), context_id): Sunbird's aggregates of one
 * learner in one activity, one row per context ({@code cb:<batchId>}).
 */
@Repository
public class ActivityAggReader {

    /** One context's aggregates (completedCount, completionPercentage, score:&lt;id&gt;...) and their update times. */
    public record ContextAgg(String contextId, Map<String, Double> aggregates, Map<String, Instant> lastUpdated) {
    }

    private final CqlSession session;
    private final PreparedStatement byUser;

    public ActivityAggReader(CqlSession session) {
        this.session = session;
        this.byUser = session.prepare("SELECT context_id, aggregates, agg_last_updated FROM "
                + StrideTables.USER_ACTIVITY_AGG + " WHERE tenant = ? AND activity_type = ? AND activity_id = ? AND user_id = ?");
    }

    public Flux<ContextAgg> of(String tenant, String activityType, String activityId, String userId) {
        return Cql.rows(session, byUser.bind(tenant, activityType, activityId, userId)).map(ActivityAggReader::agg);
    }

    private static ContextAgg agg(Row r) {
        return new ContextAgg(r.getString("context_id"), r.getMap("aggregates", String.class, Double.class),
                r.getMap("agg_last_updated", String.class, Instant.class));
    }
}
