package dev.stride.groupprogress.dashboard;

import java.time.LocalDate;

/** The batch a dashboard shows (batch_by_id). */
public record BatchInfo(String courseId, String batchId, String name, LocalDate startDate, LocalDate endDate) {
}
