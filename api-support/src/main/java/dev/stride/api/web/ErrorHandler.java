package dev.stride.api.web;

import com.datastax.oss.driver.api.core.DriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.stream.Collectors;

/** Turns every failure into the Sunbird envelope; runs before Spring Boot's own error handler (order -1). */
@Component
@Order(-2)
public class ErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);
    private final EnvelopeWriter writer;
    private final MeterRegistry meters;

    public ErrorHandler(EnvelopeWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        return writer.write(exchange, toApiException(ex));
    }

    ApiException toApiException(Throwable ex) {
        if (ex instanceof ApiException api) {
            return api;
        }
        if (find(ex, DataBufferLimitException.class) != null) {
            return tooLarge();
        }
        if (ex instanceof ServerWebInputException input) {
            return fromInput(input);
        }
        DriverException driver = find(ex, DriverException.class);
        if (driver != null) {
            meters.counter("stride.cassandra.errors", "type", driver.getClass().getSimpleName()).increment();
            log.warn("Cassandra request failed: {}", driver.toString());
            return ApiException.unavailable("STORE_UNAVAILABLE", "the progress store is unavailable; retry the request");
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.valueOf(rse.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return ApiException.notFound("RESOURCE_NOT_FOUND", "no such endpoint");
            }
            String code = status.is4xxClientError() ? "CLIENT_ERROR" : "SERVER_ERROR";
            return new ApiException(status, code, status.name(), rse.getReason() == null ? status.getReasonPhrase() : rse.getReason());
        }
        log.error("Unexpected failure", ex);
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "SERVER_ERROR", "SERVER_ERROR",
                "the request failed on the server");
    }

    public static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "CLIENT_ERROR", "REQUEST_TOO_LARGE",
                "request body must be at most 1 MiB");
    }

    private static ApiException fromInput(ServerWebInputException input) {
        JacksonException json = find(input, JacksonException.class);
        if (json instanceof StreamReadException) {
            String detail = json.getOriginalMessage() == null ? "" : ": " + json.getOriginalMessage().lines().findFirst().orElse("");
            return ApiException.badRequest("MALFORMED_JSON", "request body is not valid JSON" + detail);
        }
        if (json != null) {
            String path = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            String field = path.isEmpty() ? "request body" : path;
            return ApiException.badRequest("INVALID_PARAMETER_VALUE", field + " has the wrong type or format");
        }
        if (input.getReason() != null && input.getReason().contains("No request body")) {
            return ApiException.badRequest("MANDATORY_PARAMETER_MISSING", "request body is required");
        }
        return ApiException.badRequest("INVALID_REQUEST", input.getReason() == null ? "request is invalid" : input.getReason());
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
