package dev.stride.groupprogress.trend;

import dev.stride.api.auth.Caller;
import dev.stride.api.web.ApiException;
import dev.stride.api.web.Envelope;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;
import dev.stride.groupprogress.dashboard.BatchRepository;
import dev.stride.groupprogress.web.ApiIds;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's "progress over time" chart: a batch's daily activity and completion series from Druid. Batch-wide
 * figures, so only INSTRUCTOR and ORG_ADMIN of the tenant see them (like the unfiltered dashboard).
 */
@RestController
public class TrendController {

    static final int DEFAULT_DAYS = 30;

    private final BatchRepository batches;
    private final TrendService trends;
    private final Clock clock;
    private final int maxDays;

    public TrendController(BatchRepository batches, TrendService trends, Clock clock, DruidProperties props) {
        this.batches = batches;
        this.trends = trends;
        this.clock = clock;
        this.maxDays = props.maxDays();
    }

    /** {@code ?days=N} (1..max, default 30) UTC days ending with {@code ?to=yyyy-MM-dd} (default today, UTC). */
    @GetMapping("/v1/course/{courseId}/batch/{batchId}/trend")
    public Mono<Envelope> trend(@PathVariable String courseId, @PathVariable String batchId,
                                @RequestParam(required = false) String days,
                                @RequestParam(required = false) String to,
                                @AuthenticationPrincipal Jwt jwt, ServerHttpRequest http) {
        Caller caller = Caller.of(jwt);
        List<FieldError> errors = new ArrayList<>();
        Ids.check("courseId", courseId).ifPresent(errors::add);
        Ids.check("batchId", batchId).ifPresent(errors::add);
        int n = days(days, errors);
        LocalDate last = to(to, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!caller.hasAnyRole(Caller.INSTRUCTOR, Caller.ORG_ADMIN)) {
            throw ApiException.forbidden("the progress-over-time chart is for INSTRUCTOR and ORG_ADMIN of the tenant");
        }
        String tenant = caller.tenant();
        return batches.batch(tenant, courseId, batchId)
                .then(trends.trend(tenant, courseId, batchId, last.minusDays(n - 1L), last))
                .map(t -> Envelope.ok(ApiIds.of(http), t));
    }

    private int days(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= maxDays) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("days", "must be a whole number from 1 to " + maxDays + ": " + text));
        return DEFAULT_DAYS;
    }

    private LocalDate to(String text, List<FieldError> errors) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            if (!d.isAfter(today.plusDays(1))) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError("to", "must be a date yyyy-MM-dd no later than tomorrow (UTC): " + text));
        return today;
    }
}
