package dev.stride.druid.coursesummary;

import java.time.LocalDate;

/**
 * One line of the course summary: a batch of a course as of the end of a UTC day. Counts are cumulative (every
 * enrolment Druid has seen by then); an enrolment is seen from its first progress snapshot.
 *
 * @param enrolments               enrolments with at least one progress snapshot
 * @param starts                   of those, enrolments that reached status 1 (in progress) or 2
 * @param completions              of those, enrolments that reached status 2 (kept if a course change lowers it later,
 *                                 as {@code completedOn} is)
 * @param completionRate           completions / enrolments × 100, two decimals
 * @param medianTimeOnTaskSeconds  median over started enrolments of their time on task so far; null when none started
 */
public record CourseSummaryRow(String courseId, String batchId, LocalDate date, long enrolments, long starts,
                               long completions, double completionRate, Double medianTimeOnTaskSeconds) {
}
