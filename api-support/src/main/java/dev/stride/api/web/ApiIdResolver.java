package dev.stride.api.web;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The envelope {@code id} of a request (Sunbird's api.* names), shared by success and error responses: each service
 * declares one bean mapping its own endpoints; without one every envelope carries {@link #FALLBACK}.
 */
@FunctionalInterface
public interface ApiIdResolver {

    /** The id of a request no endpoint mapping names. */
    String FALLBACK = "api.stride";

    String apiId(ServerHttpRequest request);
}
