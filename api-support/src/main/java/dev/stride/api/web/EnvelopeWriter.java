package dev.stride.api.web;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error envelope outside a controller (exception handler, security entry points). */
public class EnvelopeWriter {

    private final JsonMapper mapper;
    private final ApiIdResolver ids;

    public EnvelopeWriter(JsonMapper mapper, ApiIdResolver ids) {
        this.mapper = mapper;
        this.ids = ids;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiException e) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(e);
        }
        response.setStatusCode(e.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = mapper.writeValueAsBytes(Envelope.error(ids.apiId(exchange.getRequest()), e));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
