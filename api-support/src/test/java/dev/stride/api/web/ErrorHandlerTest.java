package dev.stride.api.web;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import dev.stride.core.event.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorHandlerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnvelopeWriter writer = new EnvelopeWriter(Json.MAPPER,
            request -> request.getPath().value().startsWith("/v1/thing") ? "api.thing" : ApiIdResolver.FALLBACK);
    private final ErrorHandler handler = new ErrorHandler(writer, meters);

    @Test
    void anApiExceptionIsWrittenAsItsEnvelopeWithTheServicesId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/thing/create"));

        handler.handle(exchange, ApiException.notFound("NO_THING", "no such thing")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode body = Json.MAPPER.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.path("id").asString()).isEqualTo("api.thing");
        assertThat(body.path("responseCode").asString()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(body.path("params").path("err").asString()).isEqualTo("NO_THING");
        assertThat(body.path("params").path("errmsg").asString()).isEqualTo("no such thing");
        assertThat(body.path("params").path("status").asString()).isEqualTo("failed");
    }

    @Test
    void anUnmappedPathGetsTheFallbackId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/elsewhere"));

        handler.handle(exchange, new IllegalStateException("boom")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        JsonNode body = Json.MAPPER.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.path("id").asString()).isEqualTo("api.stride");
        assertThat(body.path("params").path("err").asString()).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aCommittedResponseIsLeftAlone() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/thing"));
        exchange.getResponse().setComplete().block();

        assertThatThrownBy(() -> handler.handle(exchange, ApiException.forbidden("no")).block())
                .isInstanceOf(ApiException.class);
    }

    @Test
    void anOversizedBodyAnywhereInTheCausesIs413() {
        ApiException e = handler.toApiException(new RuntimeException(new DataBufferLimitException("too big")));

        assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(e.err()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void aStoreFailureIs503AndCounted() {
        ApiException e = handler.toApiException(new RuntimeException(new DriverTimeoutException("slow")));

        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(e.err()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(meters.counter("stride.cassandra.errors", "type", "DriverTimeoutException").count()).isEqualTo(1);
    }

    @Test
    void statusExceptionsKeepTheirStatus() {
        assertThat(handler.toApiException(new ResponseStatusException(HttpStatus.NOT_FOUND)).err())
                .isEqualTo("RESOURCE_NOT_FOUND");
        ApiException methodNotAllowed = handler.toApiException(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED));
        assertThat(methodNotAllowed.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(methodNotAllowed.responseCode()).isEqualTo("CLIENT_ERROR");
        assertThat(methodNotAllowed.err()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aMissingBodyIsMandatoryParameterMissing() {
        ApiException e = handler.toApiException(new ServerWebInputException("No request body"));

        assertThat(e.err()).isEqualTo("MANDATORY_PARAMETER_MISSING");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        BodyLimitFilter filter = new BodyLimitFilter();
        MockServerWebExchange big = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/thing")
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(BodyLimitFilter.MAX_BODY_BYTES + 1)));
        MockServerWebExchange small = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/thing")
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(BodyLimitFilter.MAX_BODY_BYTES)));

        boolean[] passed = {false};
        filter.filter(small, exchange -> Mono.fromRunnable(() -> passed[0] = true)).block();

        assertThatThrownBy(() -> filter.filter(big, exchange -> Mono.empty()).block())
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(passed[0]).isTrue();
    }
}
