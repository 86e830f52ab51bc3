package dev.stride.api.web;

import dev.stride.core.validation.FieldError;

import java.util.List;

/** Sunbird's request body {@code {"id"?, "ver"?, "request": {...}}}. */
public record ApiRequest<T>(String id, String ver, T request) {

    /** The inner request, or 400 naming {@code request} when it is absent. */
    public T body() {
        if (request == null) {
            throw ApiException.invalid(List.of(new FieldError("request", "is required")));
        }
        return request;
    }
}
