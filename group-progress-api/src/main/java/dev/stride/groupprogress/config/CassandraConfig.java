package dev.stride.groupprogress.config;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.stride.schema.CassandraSessions;
import dev.stride.schema.MigrationRunner;
import dev.stride.schema.Replication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One driver session bound to the service's keyspace; every repository prepares its statements on it. */
@Configuration(proxyBeanMethods = false)
public class CassandraConfig {

    @Bean(destroyMethod = "close")
    CqlSession cqlSession(StrideProperties props) {
        StrideProperties.Cassandra c = props.cassandra();
        if (c.migrateOnStart()) {
            try (CqlSession admin = CassandraSessions.open(c.contactPoint(), c.localDc(), null)) {
                MigrationRunner.migrate(admin, c.keyspace(), Replication.parse(c.replication()));
            }
        }
        return CassandraSessions.open(c.contactPoint(), c.localDc(), c.keyspace());
    }
}
