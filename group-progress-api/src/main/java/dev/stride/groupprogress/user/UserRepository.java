package dev.stride.groupprogress.user;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Map;

/** Table users ((tenant, user_id)): which users exist, and their display names. */
@Repository
public class UserRepository {

    private static final int CONCURRENCY = 32;
    private final CqlSession session;
    private final PreparedStatement find;

    public record KnownUser(String userId, String name) {
    }

    public UserRepository(CqlSession session) {
        this.session = session;
        this.find = session.prepare("SELECT user_id, name FROM " + StrideTables.USERS + " WHERE tenant = ? AND user_id = ?");
    }

    /** The tenant's users among {@code userIds} by id (unknown ids are absent), one point read each, in parallel. */
    public Mono<Map<String, KnownUser>> known(String tenant, Collection<String> userIds) {
        return Flux.fromIterable(userIds)
                .flatMap(id -> Cql.one(session, find.bind(tenant, id)), CONCURRENCY)
                .map(r -> new KnownUser(r.getString("user_id"), r.getString("name")))
                .collectMap(KnownUser::userId);
    }
}
