package dev.stride.api;

import dev.stride.api.auth.BearerTokenSecurity;
import dev.stride.api.auth.StrideSecurity;
import dev.stride.api.web.ApiException;
import dev.stride.api.web.ApiIdResolver;
import dev.stride.api.web.BodyLimitFilter;
import dev.stride.api.web.EnvelopeWriter;
import dev.stride.api.web.ErrorHandler;
import dev.stride.api.web.StrideWeb;
import dev.stride.core.event.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StrideApiSupportTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(JsonMapper.class, () -> Json.MAPPER)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(StrideWeb.class, StrideSecurity.class)
            .withPropertyValues("stride.auth.jwt-secret=test-secret-of-at-least-thirty-two-bytes-for-hs256");

    @Test
    void theSharedBeansAreThere() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(EnvelopeWriter.class).hasSingleBean(ErrorHandler.class)
                    .hasSingleBean(BodyLimitFilter.class).hasSingleBean(ReactiveJwtDecoder.class)
                    .hasSingleBean(BearerTokenSecurity.class).hasSingleBean(ServerExchangeRejectedHandler.class);
        });
    }

    @Test
    void withoutAResolverEveryEnvelopeHasTheFallbackId() {
        runner.run(context -> assertThat(errorId(context.getBean(EnvelopeWriter.class), "/v1/x")).isEqualTo("api.stride"));
    }

    @Test
    void theServicesResolverNamesItsEndpoints() {
        runner.withBean(ApiIdResolver.class, () -> request -> "api.x")
                .run(context -> assertThat(errorId(context.getBean(EnvelopeWriter.class), "/v1/x")).isEqualTo("api.x"));
    }

    @Test
    void aUrlTheFirewallRefusesGetsTheEnvelope() {
        runner.run(context -> {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x"));
            context.getBean(ServerExchangeRejectedHandler.class)
                    .handle(exchange, new ServerExchangeRejectedException("encoded percent")).block();
            var body = Json.MAPPER.readTree(exchange.getResponse().getBodyAsString().block());
            assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(400);
            assertThat(body.path("params").path("err").asString()).isEqualTo("INVALID_REQUEST");
            assertThat(body.path("params").path("errmsg").asString()).contains("encoded percent");
        });
    }

    @Test
    void withoutASecretTheContextFails() {
        new ApplicationContextRunner()
                .withBean(JsonMapper.class, () -> Json.MAPPER)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(StrideWeb.class, StrideSecurity.class)
                .run(context -> assertThat(context).hasFailed());
    }

    private static String errorId(EnvelopeWriter writer, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
        writer.write(exchange, ApiException.forbidden("no")).block();
        return Json.MAPPER.readTree(exchange.getResponse().getBodyAsString().block()).path("id").asString();
    }
}
