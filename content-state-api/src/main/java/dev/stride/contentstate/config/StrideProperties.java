package dev.stride.contentstate.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Every {@code stride.*} setting of the service (see application.yml for the defaults and their env variables). */
@ConfigurationProperties("stride")
public record StrideProperties(@DefaultValue Cassandra cassandra, @DefaultValue Kafka kafka, @DefaultValue Auth auth,
                               @DefaultValue Content content, @DefaultValue Outbox outbox) {

    /**
     * @param migrateOnStart apply cassandra-schema's migrations at startup (local stack and demo; production runs
     *                       the migration runner as a deploy step)
     * @param replication    replication used when migrating: {@code simple:1} or {@code nts:dc1=3}
     */
    public record Cassandra(@DefaultValue("127.0.0.1:9042") String contactPoint,
                            @DefaultValue("datacenter1") String localDc,
                            @DefaultValue("stride") String keyspace,
                            @DefaultValue("false") boolean migrateOnStart,
                            @DefaultValue("simple:1") String replication) {
    }

    /** @param publishTimeout bound of one publish (delivery.timeout.ms and max.block.ms): a request never hangs longer */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers,
                        @DefaultValue("stride.content-state") String contentStateTopic,
                        @DefaultValue("stride.course-structure") String courseStructureTopic,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        @DefaultValue("5s") Duration publishTimeout) {
    }

    /**
     * HS256 secret (text, or a file holding it) for the local stack, or a JWK set URL in production; the issuer is
     * checked when set.
     */
    public record Auth(String jwtSecret, String jwtSecretFile, String jwkSetUri,
                       @DefaultValue("stride-local") String issuer) {
    }

    public record Content(@DefaultValue("500") int maxContentsPerRequest,
                          @DefaultValue("25") int assessmentAttemptsLimit) {
    }

    /** @param minAge rows younger than this belong to requests still in flight and are left to them */
    public record Outbox(@DefaultValue("true") boolean relayEnabled,
                         @DefaultValue("5s") Duration minAge) {
    }
}
