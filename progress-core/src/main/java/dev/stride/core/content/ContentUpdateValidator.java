package dev.stride.core.content;

import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks {@code request.contents[]} of a content-state update; an empty list means every element is valid. */
public final class ContentUpdateValidator {

    /** A later lastAccessTime would stick forever (times only move forward), so clock skew beyond this is refused. */
    public static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);
    /** Progress details are opaque client state: bounded so one row stays small. */
    public static final int MAX_PROGRESS_DETAILS_CHARS = 64 * 1024;

    private ContentUpdateValidator() {
    }

    /** Errors of every element, with paths {@code request.contents[i].field}; {@code now} bounds lastAccessTime. */
    public static List<FieldError> validate(List<ContentUpdateInput> contents, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (contents == null || contents.isEmpty()) {
            errors.add(new FieldError("request.contents", "must contain at least one content"));
            return errors;
        }
        for (int i = 0; i < contents.size(); i++) {
            errors.addAll(validate("request.contents[" + i + "]", contents.get(i), now));
        }
        return errors;
    }

    /** Errors of one element, with paths {@code prefix.field}. */
    public static List<FieldError> validate(String prefix, ContentUpdateInput c, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (c == null) {
            errors.add(new FieldError(prefix, "must be an object"));
            return errors;
        }
        if (c.contentId() == null || c.contentId().isBlank()) {
            errors.add(new FieldError(prefix + ".contentId", "must not be blank"));
        } else {
            Ids.check(prefix + ".contentId", c.contentId()).ifPresent(errors::add);
        }
        Ids.check(prefix + ".courseId", c.courseId()).ifPresent(errors::add);
        Ids.check(prefix + ".batchId", c.batchId()).ifPresent(errors::add);
        if (c.status() == null) {
            errors.add(new FieldError(prefix + ".status", "is required"));
        } else if (!ContentStatus.isValid(c.status())) {
            errors.add(new FieldError(prefix + ".status", "must be 0, 1 or 2"));
        }
        if (c.progress() != null && (c.progress() < 0 || c.progress() > 100)) {
            errors.add(new FieldError(prefix + ".progress", "must be between 0 and 100"));
        }
        if (c.lastAccessTime() != null && !c.lastAccessTime().isBlank()) {
            var at = SunbirdTimestamps.parse(c.lastAccessTime());
            if (at.isEmpty()) {
                errors.add(new FieldError(prefix + ".lastAccessTime",
                        "must be a timestamp like 2020-11-23 12:58:35:179+0000, ISO-8601 or epoch milliseconds"));
            } else if (now != null && at.get().isAfter(now.plus(MAX_FUTURE_SKEW))) {
                errors.add(new FieldError(prefix + ".lastAccessTime", "must not be more than 1 day in the future"));
            }
        }
        if (c.progressDetails() != null && c.progressDetails().length() > MAX_PROGRESS_DETAILS_CHARS) {
            errors.add(new FieldError(prefix + ".progressdetails",
                    "must be at most " + MAX_PROGRESS_DETAILS_CHARS + " characters"));
        }
        return errors;
    }
}
