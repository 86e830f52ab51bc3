package dev.stride.reports.dataset.coursesummary;

import dev.stride.druid.DruidSql;
import dev.stride.druid.coursesummary.CourseSummaryQuery;
import dev.stride.druid.coursesummary.CourseSummaryRow;
import dev.stride.reports.csv.Cells;
import dev.stride.reports.csv.ReportCsv;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.DatasetProvider;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code course-summary} (Sunbird's collection summary, minutes fresh instead of a nightly batch index): per course,
 * batch and UTC day, enrolments, starts, completions, completion rate and median time on task, from Druid's
 * {@code enrolment_progress} through druid-specs' {@link CourseSummaryQuery}. {@code datasetConfig}: {@code courseId},
 * optional {@code batchId}. Druid: setting {@code druid.broker}, else env {@code STRIDE_DRUID_BROKER}, else
 * localhost:8082; Druid down is a transient failure (the job is retried), no row yet an empty report.
 */
public final class CourseSummaryReport implements Dataset {

    public static final String NAME = "course-summary";
    public static final List<String> COLUMNS = List.of("Course Id", "Batch Id", "Date", "Enrolments", "Starts",
            "Completions", "Completion Rate %", "Median Time On Task (s)");

    private final CourseSummaryQuery query;
    private final Clock clock;

    public CourseSummaryReport(CourseSummaryQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    /** Registers the dataset (META-INF/services/dev.stride.reports.dataset.DatasetProvider). */
    public static final class Provider implements DatasetProvider {
        @Override
        public Dataset create(DatasetContext context) {
            Map<String, String> env = System.getenv();
            String broker = context.settings().getOrDefault("druid.broker",
                    env.getOrDefault("STRIDE_DRUID_BROKER", "localhost:8082"));
            Duration timeout = Duration.parse(context.settings().getOrDefault("druid.timeout", "PT60S"));
            return new CourseSummaryReport(new CourseSummaryQuery(new DruidSql(broker, timeout)), Clock.systemUTC());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String subjectKey() {
        return "courseId";
    }

    @Override
    public long write(ReportRequest request, OutputStream out, ReportProgress progress) throws Exception {
        String courseId = request.require("courseId", NAME);
        String batchId = request.config().get("batchId");
        List<CourseSummaryRow> rows;
        try {
            rows = query.run(request.tenant(), courseId, batchId == null || batchId.isBlank() ? null : batchId,
                    clock.instant());
        } catch (DruidSql.Unavailable e) {
            throw ReportException.transientFailure("Druid did not answer the course summary of " + courseId, e);
        }
        progress.expect(rows.size());
        try (ReportCsv csv = new ReportCsv(out, COLUMNS)) {
            for (CourseSummaryRow r : rows) {
                csv.cell(Cells.id(r.courseId())).cell(Cells.id(r.batchId())).cell(Cells.date(r.date()))
                        .cell(Long.toString(r.enrolments())).cell(Long.toString(r.starts()))
                        .cell(Long.toString(r.completions())).cell(Cells.number(r.completionRate()))
                        .cell(Cells.number(r.medianTimeOnTaskSeconds()));
                csv.endRow();
                progress.rows(1);
            }
            return csv.rows();
        }
    }
}
