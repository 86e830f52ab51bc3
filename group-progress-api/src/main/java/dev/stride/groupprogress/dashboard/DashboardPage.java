package dev.stride.groupprogress.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/course/{courseId}/batch/{batchId}/dashboard}: the cohort figures, one page of learners and the
 * paging state of the next page (null on the last page). {@code count} is every learner in view, not the page.
 */
public record DashboardPage(BatchInfo batch, Cohort cohort, List<LearnerRow> learners, int count, String sort,
                            String order, int pageSize, String nextPagingState, Instant readAt) {
}
