package dev.stride.groupprogress.trend;

import java.time.LocalDate;

/**
 * One UTC day of a batch's trend.
 *
 * @param activeLearners           distinct learners with an accepted content-state change that day
 * @param contentUpdates           distinct content-state changes accepted that day
 * @param completions              enrolments whose first completion was that day
 * @param enrolled                 enrolments seen (first progress snapshot) by the end of the day
 * @param completed                enrolments completed by the end of the day
 * @param cumulativeCompletionRate completed / enrolled × 100, two decimals (0 before any enrolment)
 */
public record TrendPoint(LocalDate date, long activeLearners, long contentUpdates, long completions, long enrolled,
                         long completed, double cumulativeCompletionRate) {
}
