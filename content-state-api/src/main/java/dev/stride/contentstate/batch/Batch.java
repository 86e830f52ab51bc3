package dev.stride.contentstate.batch;

import java.time.Instant;
import java.time.LocalDate;

/** A course batch; its status (0 upcoming, 1 ongoing, 2 ended) always comes from the dates. */
public record Batch(String batchId, String courseId, String name, String description, LocalDate startDate,
                    LocalDate endDate, LocalDate enrollmentEndDate, String enrollmentType, String createdBy,
                    Instant createdAt) {

    public static final int UPCOMING = 0;
    public static final int ONGOING = 1;
    public static final int ENDED = 2;

    public int status(LocalDate today) {
        if (today.isBefore(startDate)) {
            return UPCOMING;
        }
        return endDate != null && today.isAfter(endDate) ? ENDED : ONGOING;
    }

    /** Enrolment closes at enrollmentEndDate, or with the batch. */
    public boolean enrolmentOpen(LocalDate today) {
        return status(today) != ENDED && (enrollmentEndDate == null || !today.isAfter(enrollmentEndDate));
    }

    public boolean inviteOnly() {
        return "invite-only".equals(enrollmentType);
    }
}
