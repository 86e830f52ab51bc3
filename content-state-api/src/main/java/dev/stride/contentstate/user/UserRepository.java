package dev.stride.contentstate.user;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Table users ((tenant, user_id)). */
@Repository
public class UserRepository {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement find;

    public UserRepository(CqlSession session) {
        this.session = session;
        this.upsert = session.prepare("INSERT INTO users (tenant, user_id, " + Profile.COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.find = session.prepare("SELECT user_id, " + Profile.COLUMNS + " FROM users WHERE tenant = ? AND user_id = ?");
    }

    public Mono<Void> save(String tenant, Profile p) {
        Object[] v = p.values();
        Object[] all = new Object[v.length + 3];
        all[0] = tenant;
        all[1] = p.userId();
        System.arraycopy(v, 0, all, 2, v.length);
        all[all.length - 1] = Instant.now();
        return Cql.execute(session, upsert.bind(all));
    }

    public Mono<Profile> find(String tenant, String userId) {
        return Cql.one(session, find.bind(tenant, userId)).map(UserRepository::profile);
    }

    private static Profile profile(Row r) {
        return new Profile(r.getString("user_id"), r.getString("name"), r.getString("email"), r.getString("org_name"),
                r.getString("school_id"), r.getString("school_name"), r.getString("district"), r.getString("state"),
                r.getString("block"), r.getString("cluster"), r.getString("user_type"), r.getString("user_sub_type"));
    }
}
