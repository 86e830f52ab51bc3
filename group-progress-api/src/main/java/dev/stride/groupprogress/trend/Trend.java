package dev.stride.groupprogress.trend;

import java.time.LocalDate;
import java.util.List;

/**
 * A batch's daily series over {@code [from, to]} (UTC days, both inclusive); {@code series} is empty while Druid has
 * no row for the batch (nothing ingested yet, or its datasources not created yet).
 */
public record Trend(String courseId, String batchId, LocalDate from, LocalDate to, String timeZone,
                    List<TrendPoint> series) {
}
