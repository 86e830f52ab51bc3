package dev.stride.api.cassandra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stride.cassandra.*}: where the service's keyspace lives.
 *
 * @param migrateOnStart apply cassandra-schema's migrations at startup (local stack and demo; production runs
 *                       the migration runner as a deploy step)
 * @param replication    replication used when migrating: {@code simple:1} or {@code nts:dc1=3}
 */
@ConfigurationProperties("stride.cassandra")
public record StrideCassandraProperties(@DefaultValue("127.0.0.1:9042") String contactPoint,
                                        @DefaultValue("datacenter1") String localDc,
                                        @DefaultValue("stride") String keyspace,
                                        @DefaultValue("false") boolean migrateOnStart,
                                        @DefaultValue("simple:1") String replication) {
}
