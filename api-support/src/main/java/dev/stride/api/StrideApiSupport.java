package dev.stride.api;

import dev.stride.api.auth.StrideSecurity;
import dev.stride.api.cassandra.StrideCassandra;
import dev.stride.api.web.StrideWeb;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything a Stride API shares, imported explicitly by its application class
 * ({@code @Import(StrideApiSupport.class)}): the Sunbird envelope and error mapping ({@link StrideWeb}), the
 * bearer-token security pieces ({@link StrideSecurity}) and the Cassandra session ({@link StrideCassandra}).
 * The service still declares its own {@code SecurityWebFilterChain} (its public paths) and, optionally, an
 * {@link dev.stride.api.web.ApiIdResolver} naming its endpoints.
 */
@Configuration(proxyBeanMethods = false)
@Import({StrideWeb.class, StrideSecurity.class, StrideCassandra.class})
public class StrideApiSupport {
}
