package dev.stride.contentstate.content;

import dev.stride.api.web.ApiException;
import dev.stride.core.content.ContentUpdateInput;
import dev.stride.core.content.ContentUpdateValidator;
import dev.stride.core.content.SunbirdTimestamps;
import dev.stride.core.ids.Ids;
import dev.stride.core.validation.FieldError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Field checks of an update request; any error refuses the whole request before anything is written. */
final class UpdateValidation {

    private UpdateValidation() {
    }

    static void check(UpdateRequest req, int maxContents, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Ids.check("request.userId", req.userId()).ifPresent(errors::add);
        if (req.contents() != null && req.contents().size() > maxContents) {
            throw ApiException.badRequest("TOO_MANY_CONTENTS",
                    "request.contents must have at most " + maxContents + " elements, got " + req.contents().size());
        }
        List<ContentUpdateInput> inputs = req.contents() == null ? null
                : req.contents().stream().map(c -> c == null ? null : c.toInput()).toList();
        errors.addAll(ContentUpdateValidator.validate(inputs, now));
        List<UpdateRequest.Assessment> assessments = req.assessments() == null ? List.of() : req.assessments();
        for (int i = 0; i < assessments.size(); i++) {
            assessment("request.assessments[" + i + "]", assessments.get(i), errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void assessment(String path, UpdateRequest.Assessment a, List<FieldError> errors) {
        if (a == null) {
            errors.add(new FieldError(path, "must be an object"));
            return;
        }
        Ids.check(path + ".contentId", a.contentId()).ifPresent(errors::add);
        Ids.check(path + ".courseId", a.courseId()).ifPresent(errors::add);
        Ids.check(path + ".batchId", a.batchId()).ifPresent(errors::add);
        Ids.check(path + ".attemptId", a.attemptId()).ifPresent(errors::add);
        if (SunbirdTimestamps.parse(a.assessmentTs()).isEmpty()) {
            errors.add(new FieldError(path + ".assessmentTs", "must be epoch milliseconds or a timestamp"));
        }
        List<UpdateRequest.AssessEvent> events = a.events() == null ? List.of() : a.events();
        for (int i = 0; i < events.size(); i++) {
            UpdateRequest.AssessEvent e = events.get(i);
            if (e == null || e.edata() == null || e.edata().item() == null || e.edata().item().id() == null
                    || e.edata().item().id().isBlank()) {
                errors.add(new FieldError(path + ".events[" + i + "].edata.item.id", "is required"));
            }
        }
    }
}
