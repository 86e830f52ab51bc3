package dev.stride.groupprogress.web;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error envelope outside a controller (exception handler, security entry points). */
@Component
public class EnvelopeWriter {

    private final JsonMapper mapper;

    public EnvelopeWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiException e) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(e);
        }
        response.setStatusCode(e.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = mapper.writeValueAsBytes(Envelope.error(ApiIds.of(exchange.getRequest()), e));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
