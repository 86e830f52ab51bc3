package dev.stride.groupprogress.trend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * {@code stride.druid.*}: where the trend chart's figures come from.
 *
 * @param brokerUrl   Druid broker (or router), {@code host:port} or a URL (env {@code STRIDE_DRUID_BROKER})
 * @param timeout     bound of one Druid query; the endpoint answers 503 past it
 * @param cacheTtl    how long one answer per batch and window serves repeated requests (dashboards refresh often)
 * @param datasources logical → actual datasource names (tests read private datasources)
 * @param maxDays     the longest window a request may ask for
 */
@ConfigurationProperties("stride.druid")
public record DruidProperties(@DefaultValue("localhost:8082") String brokerUrl,
                              @DefaultValue("PT3S") Duration timeout,
                              @DefaultValue("PT5S") Duration cacheTtl,
                              Map<String, String> datasources,
                              @DefaultValue("366") int maxDays) {

    public DruidProperties {
        datasources = datasources == null ? Map.of() : Map.copyOf(datasources);
    }
}
