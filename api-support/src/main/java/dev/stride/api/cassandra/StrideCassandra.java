package dev.stride.api.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.schema.CassandraSessions;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One driver session bound to the service's keyspace; every repository prepares its statements on it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StrideCassandraProperties.class)
public class StrideCassandra {

    @Bean(destroyMethod = "close")
    CqlSession cqlSession(StrideCassandraProperties c) {
        if (c.migrateOnStart()) {
            try (CqlSession admin = CassandraSessions.open(c.contactPoint(), c.localDc(), null)) {
                MigrationRunner.migrate(admin, c.keyspace(), Replication.parse(c.replication()));
            }
        }
        return CassandraSessions.open(c.contactPoint(), c.localDc(), c.keyspace());
    }
}
