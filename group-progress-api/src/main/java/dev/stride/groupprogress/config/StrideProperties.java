package dev.stride.groupprogress.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's own {@code stride.*} settings (see application.yml for the defaults and their env variables);
 * {@code stride.cassandra.*} and {@code stride.auth.*} bind in api-support (StrideCassandraProperties,
 * StrideAuthProperties).
 */
@ConfigurationProperties("stride")
public record StrideProperties(@DefaultValue Redis redis, @DefaultValue Cache cache, @DefaultValue Progress progress,
                               @DefaultValue Dashboard dashboard, @DefaultValue Reports reports) {

    /**
     * @param address   {@code redis://host:port}
     * @param timeout   bound of one Redis command: past it the request is answered from Cassandra (degraded)
     * @param keyPrefix prefix of every key this service writes (tests use a unique one)
     */
    public record Redis(@DefaultValue("redis://127.0.0.1:6379") String address,
                        @DefaultValue("300ms") Duration timeout,
                        @DefaultValue("stride:gp:") String keyPrefix) {
    }

    /**
     * @param defaultTtl     Redis TTL while {@code cache_settings} has no row for {@link #scope}
     * @param nearTtl        upper bound of the in-process (Caffeine) copy's life
     * @param nearMaxEntries size bound of the in-process copy
     * @param settingsPoll   how often every instance re-reads the TTL knob from Cassandra
     * @param scope          the {@code cache_settings} row of this cache
     */
    public record Cache(@DefaultValue("PT60S") Duration defaultTtl,
                        @DefaultValue("PT5S") Duration nearTtl,
                        @DefaultValue("10000") long nearMaxEntries,
                        @DefaultValue("PT2S") Duration settingsPoll,
                        @DefaultValue("group-progress") String scope) {
    }

    /**
     * @param concurrency    read requests in flight at once for one group computation (or activity agg)
     * @param membersPerRead members' partitions per request ({@code user_id IN}); 1 reads one partition per request
     */
    public record Progress(@DefaultValue("32") int concurrency, @DefaultValue("20") int membersPerRead) {
    }

    /**
     * @param snapshotTtl how long one read of a batch partition serves the dashboard's pages and figures
     * @param inactiveAfter a learner not seen for this long counts as inactive
     */
    public record Dashboard(@DefaultValue("PT3S") Duration snapshotTtl,
                            @DefaultValue("50") int defaultPageSize,
                            @DefaultValue("1000") int maxPageSize,
                            @DefaultValue("P7D") Duration inactiveAfter) {
    }

    /** @param dir where the nightly static group reports live: {@code <dir>/<tenant>/groups/<groupId>/<file>} */
    public record Reports(@DefaultValue("reports") Path dir) {
    }
}
