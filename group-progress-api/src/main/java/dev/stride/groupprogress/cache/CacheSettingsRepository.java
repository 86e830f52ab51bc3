package dev.stride.groupprogress.cache;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.stride.api.cassandra.Cql;
import dev.stride.schema.StrideTables;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Table cache_settings ((scope)): the run-time TTL knob shared by every instance. */
@Repository
public class CacheSettingsRepository {

    private final CqlSession session;
    private final PreparedStatement find;
    private final PreparedStatement save;

    public CacheSettingsRepository(CqlSession session) {
        this.session = session;
        // QUORUM both ways: an instance polling right after a PUT elsewhere reads the new value.
        this.find = session.prepare("SELECT ttl_seconds, updated_at, updated_by FROM " + StrideTables.CACHE_SETTINGS
                + " WHERE scope = ?");
        this.save = session.prepare("INSERT INTO " + StrideTables.CACHE_SETTINGS
                + " (scope, ttl_seconds, updated_at, updated_by) VALUES (?, ?, ?, ?)");
    }

    public Mono<TtlSetting> find(String scope) {
        return Cql.one(session, find.bind(scope).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM))
                .filter(r -> !r.isNull("ttl_seconds"))
                .map(r -> new TtlSetting(Duration.ofSeconds(r.getInt("ttl_seconds")), r.getInstant("updated_at"),
                        r.getString("updated_by"), TtlSetting.SETTINGS));
    }

    public Mono<Void> save(String scope, TtlSetting s) {
        return Cql.execute(session, save.bind(scope, (int) s.ttl().toSeconds(), s.updatedAt(), s.updatedBy())
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM));
    }

}
