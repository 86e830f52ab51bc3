package dev.stride.groupprogress.dashboard;

import dev.stride.core.event.Json;
import dev.stride.core.validation.FieldError;
import dev.stride.api.web.ApiException;
import tools.jackson.core.JacksonException;

import java.util.Base64;
import java.util.List;

/**
 * The dashboard's opaque paging state: the sort, the direction and the position (key, userId) of the last row
 * served. The next page starts after that position (keyset paging), so rows changing between two page requests
 * are neither skipped nor repeated because of an offset shift.
 */
public record PageToken(String sort, String order, Position after) {

    /** A row's place in the order; {@code key} is a String or a Double (see {@link DashboardSort}). */
    public record Position(Object key, String userId) {
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.writeBytes(this));
    }

    /** The token's position, or 400 naming {@code pagingState} when it is unreadable or made for another sort. */
    public static Position decode(String token, DashboardSort sort, String order) {
        PageToken t;
        try {
            t = Json.read(Base64.getUrlDecoder().decode(token), PageToken.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid("is not a paging state this service issued");
        }
        if (t.after() == null || t.after().userId() == null || !sort.param().equals(t.sort()) || !order.equals(t.order())) {
            throw invalid("was issued for another sort or order: repeat the sort and order of the first page");
        }
        Object key = t.after().key();
        if (key != null && (sort.textual() ? !(key instanceof String) : !(key instanceof Number))) {
            throw invalid("does not match the sort column " + sort.param());
        }
        return new Position(key instanceof Number n ? (Object) n.doubleValue() : key, t.after().userId());
    }

    private static ApiException invalid(String rule) {
        return ApiException.invalid(List.of(new FieldError("pagingState", rule)));
    }
}
