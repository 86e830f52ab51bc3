package dev.stride.api.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body over 1 MiB before reading it (413); chunked bodies are bounded by the codecs'
 * {@code spring.codec.max-in-memory-size}, which the error handler maps to the same 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyLimitFilter implements WebFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return Mono.error(ErrorHandler.tooLarge());
        }
        return chain.filter(exchange);
    }
}
