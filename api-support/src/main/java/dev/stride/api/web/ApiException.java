package dev.stride.api.web;

import dev.stride.core.validation.FieldError;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.stream.Collectors;

/** A request refused with an envelope: HTTP status, Sunbird responseCode, stable {@code err} code, a sentence. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String responseCode;
    private final String err;

    public ApiException(HttpStatus status, String responseCode, String err, String message) {
        super(message, null, false, false);
        this.status = status;
        this.responseCode = responseCode;
        this.err = err;
    }

    public static ApiException badRequest(String err, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "CLIENT_ERROR", err, message);
    }

    public static ApiException notFound(String err, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "RESOURCE_NOT_FOUND", err, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "FORBIDDEN", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "UNAUTHORIZED", message);
    }

    public static ApiException unavailable(String err, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", err, message);
    }

    /**
     * 400 for invalid fields: {@code MANDATORY_PARAMETER_MISSING} when the first error is a missing field (Sunbird's
     * code), else {@code INVALID_PARAMETER_VALUE}; the message lists every field error.
     */
    public static ApiException invalid(List<FieldError> errors) {
        String first = errors.get(0).rule();
        boolean missing = first.equals("is required") || first.equals("must not be blank") || first.startsWith("must contain at least");
        String message = errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return badRequest(missing ? "MANDATORY_PARAMETER_MISSING" : "INVALID_PARAMETER_VALUE", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String responseCode() {
        return responseCode;
    }

    public String err() {
        return err;
    }
}
