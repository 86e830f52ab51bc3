package dev.stride.core.validation;

import java.util.Objects;

/**
 * One rejected input field: {@code field} is the JSON path as the client sent it
 * (e.g. {@code request.contents[3].status}), {@code rule} the sentence it broke (e.g. {@code must be 0, 1 or 2}).
 */
public record FieldError(String field, String rule) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }

    /** "request.contents[3].status must be 0, 1 or 2" — ready for an error envelope's errmsg. */
    public String message() {
        return field + " " + rule;
    }
}
