package dev.stride.contentstate.user;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.contentstate.web.ApiIds;
import dev.stride.api.web.ApiRequest;
import dev.stride.api.web.Envelope;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code PUT /v1/user/{userId}} and the CSV bulk import {@code POST /v1/user/import} (ORG_ADMIN). */
@RestController
public class UserController {

    /** CSV header of the import; userId is required, every other column optional. */
    static final List<String> CSV_COLUMNS = List.of("userId", "name", "email", "orgName", "schoolId", "schoolName",
            "district", "state", "block", "cluster", "userType", "userSubType");
    private final ProfileService profiles;

    public UserController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @PutMapping("/v1/user/{userId}")
    public Mono<Envelope> put(@PathVariable String userId, @RequestBody ApiRequest<Profile> body,
                              @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireAnyRole(Caller.ORG_ADMIN);
        Ids.check("userId", userId).ifPresent(e -> {
            throw ApiException.invalid(List.of(e));
        });
        Profile profile = body.body().withUserId(userId);
        return profiles.save(caller.tenant(), profile)
                .thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS", "userId", userId)));
    }

    /** All or nothing: every row is checked before the first write, so a bad file changes nothing. */
    @PostMapping(value = "/v1/user/import", consumes = {"text/csv", "text/plain"})
    public Mono<Envelope> importCsv(@RequestBody String csv, @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        caller.requireAnyRole(Caller.ORG_ADMIN);
        List<Profile> rows = parse(csv);
        return Flux.fromIterable(rows).flatMap(p -> profiles.save(caller.tenant(), p), 8).then()
                .thenReturn(Envelope.ok(ApiIds.of(http), Map.of("response", "SUCCESS", "imported", rows.size())));
    }

    static List<Profile> parse(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
            if (!parser.getHeaderNames().contains("userId")) {
                throw ApiException.invalid(List.of(new FieldError("csv header",
                        "must name the column userId (known columns: " + String.join(",", CSV_COLUMNS) + ")")));
            }
            List<Profile> out = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            for (CSVRecord r : parser) {
                String userId = get(r, "userId");
                Ids.check("csv line " + r.getRecordNumber() + " userId", userId).ifPresent(errors::add);
                out.add(new Profile(userId, get(r, "name"), get(r, "email"), get(r, "orgName"), get(r, "schoolId"),
                        get(r, "schoolName"), get(r, "district"), get(r, "state"), get(r, "block"), get(r, "cluster"),
                        get(r, "userType"), get(r, "userSubType")));
            }
            if (out.isEmpty()) {
                errors.add(new FieldError("csv", "must contain at least one user row"));
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            return out;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw ApiException.badRequest("INVALID_PARAMETER_VALUE", "csv is not a valid CSV file with a header row: "
                    + e.getMessage());
        }
    }

    private static String get(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v.isEmpty() ? null : v;
    }
}
