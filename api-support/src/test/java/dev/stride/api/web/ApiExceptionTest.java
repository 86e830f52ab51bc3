package dev.stride.api.web;

import dev.stride.core.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiExceptionTest {

    @Test
    void aMissingFirstFieldIsMandatoryParameterMissingAndEveryErrorIsListed() {
        ApiException e = ApiException.invalid(List.of(new FieldError("userId", "is required"),
                new FieldError("courseId", "must be an id")));

        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(e.responseCode()).isEqualTo("CLIENT_ERROR");
        assertThat(e.err()).isEqualTo("MANDATORY_PARAMETER_MISSING");
        assertThat(e.getMessage()).contains("userId").contains("courseId").contains("; ");
    }

    @Test
    void anInvalidFirstFieldIsInvalidParameterValue() {
        ApiException e = ApiException.invalid(List.of(new FieldError("progress", "must be between 0 and 100")));

        assertThat(e.err()).isEqualTo("INVALID_PARAMETER_VALUE");
    }

    @Test
    void factoriesCarryStatusResponseCodeAndErr() {
        assertThat(ApiException.notFound("NO_GROUP", "x").status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ApiException.notFound("NO_GROUP", "x").responseCode()).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(ApiException.forbidden("x").err()).isEqualTo("FORBIDDEN");
        assertThat(ApiException.unauthorized("x").status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ApiException.unavailable("STORE_UNAVAILABLE", "x").responseCode()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aRequestWithoutItsInnerRequestIsRefusedNamingIt() {
        assertThatThrownBy(() -> new ApiRequest<>("api.x", "v1", null).body())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.err()).isEqualTo("MANDATORY_PARAMETER_MISSING");
                    assertThat(e.getMessage()).contains("request");
                });
        assertThat(new ApiRequest<>("api.x", "v1", "body").body()).isEqualTo("body");
    }

    @Test
    void envelopesCarryTheIdAndTheOutcome() {
        Envelope ok = Envelope.ok("api.x", "result");
        assertThat(ok.id()).isEqualTo("api.x");
        assertThat(ok.responseCode()).isEqualTo("OK");
        assertThat(ok.params().status()).isEqualTo("successful");
        assertThat(ok.params().resmsgid()).isNotBlank();

        Envelope error = Envelope.error("api.y", ApiException.forbidden("no"));
        assertThat(error.id()).isEqualTo("api.y");
        assertThat(error.responseCode()).isEqualTo("FORBIDDEN");
        assertThat(error.params().status()).isEqualTo("failed");
        assertThat(error.params().err()).isEqualTo("FORBIDDEN");
        assertThat(error.params().errmsg()).isEqualTo("no");
    }
}
