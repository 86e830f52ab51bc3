package dev.stride.contentstate.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The service's own {@code stride.*} settings (see application.yml for the defaults and their env variables);
 * {@code stride.cassandra.*} and {@code stride.auth.*} bind in api-support (StrideCassandraProperties,
 * StrideAuthProperties).
 */
@ConfigurationProperties("stride")
public record StrideProperties(@DefaultValue Kafka kafka, @DefaultValue Content content, @DefaultValue Outbox outbox) {

    /** @param publishTimeout bound of one publish (delivery.timeout.ms and max.block.ms): a request never hangs longer */
    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers,
                        @DefaultValue("stride.content-state") String contentStateTopic,
                        @DefaultValue("stride.course-structure") String courseStructureTopic,
                        @DefaultValue("3") int partitions,
                        @DefaultValue("1") short replicationFactor,
                        @DefaultValue("5s") Duration publishTimeout) {
    }

    public record Content(@DefaultValue("500") int maxContentsPerRequest,
                          @DefaultValue("25") int assessmentAttemptsLimit) {
    }

    /**
     * @param minAge      rows younger than this belong to requests still in flight and are left to them
     * @param deleteWindow published rows are deleted together this long after the first of them (well under minAge)
     * @param deleteBatch  at most this many deletes in one batch
     * @param relayOverlap each sweep reads again this far before a tenant's checkpoint: a row whose insert landed late
     *                     (it is timestamped just before its insert is sent, so by the insert's own latency, bounded by
     *                     the driver's timeout) or whose API instance's clock lags the relay's by less than this is still
     *                     found. Every sweep reads the overlap's delete tombstones again: 60 s of them at 500 requests/s
     *                     were 40,000 cells every 5 s, and the slow seconds of the API bench lined up with those sweeps
     * @param relaySlice   the relay reads its window this much at a time: Cassandra aborts a read that passes 100,000
     *                     tombstones, which a sweep's 20 s window holds at 5,000 requests/s of one tenant (a relay that
     *                     fell behind reads whole minutes: ~1,700/s); a 1 s slice passes one second's deletes
     * @param relayCatchUp a sweep reads at most this far past a tenant's checkpoint (an hour: 3,600 slices) and moves
     *                     the checkpoint that far; the next sweeps go on from there, so a tenant far behind (a long
     *                     outage, a publish that keeps failing) costs each sweep a bounded number of reads
     */
    public record Outbox(@DefaultValue("true") boolean relayEnabled,
                         @DefaultValue("5s") Duration minAge,
                         @DefaultValue("20ms") Duration deleteWindow,
                         @DefaultValue("200") int deleteBatch,
                         @DefaultValue("15s") Duration relayOverlap,
                         @DefaultValue("1s") Duration relaySlice,
                         @DefaultValue("1h") Duration relayCatchUp) {
    }
}
