package dev.stride.reports.dataset.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.cassandra.Batches;
import dev.stride.reports.cassandra.Batches.Batch;
import dev.stride.reports.cassandra.Courses;
import dev.stride.reports.cassandra.Courses.Assessment;
import dev.stride.reports.cassandra.Courses.Course;
import dev.stride.reports.cassandra.Pages;
import dev.stride.reports.csv.Cells;
import dev.stride.reports.csv.ReportCsv;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.schema.StrideTables;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code progress-exhaust}: one row per learner of a batch, read from the batch's single enrolments_by_batch partition
 * (learner, progress and copied organisation fields: no joins), in user id order (the clustering order), with one
 * column per assessment of the course (the learner's best score from {@code best_scores}).
 */
public final class ProgressExhaust implements Dataset {

    public static final String NAME = "progress-exhaust";

    /** The fixed columns, in order; the assessment columns follow. */
    public static final List<String> FIXED_COLUMNS = List.of("Course Id", "Course Name", "Batch Id", "Batch Name",
            "User Id", "User Name", "Org Name", "School Id", "School Name", "District", "State", "Block", "Cluster",
            "User Type", "User Sub Type", "Enrolment Date", "Completion Date", "Completion %", "Status",
            "Certificate Status", "Total Score");

    // Column positions of the SELECT below (read by index: no name lookup per cell on a million rows).
    private static final String COLUMNS = "user_id, course_name, batch_name, user_name, org_name, school_id, school_name,"
            + " district, state, block, cluster, user_type, user_sub_type, enrolled_date, completed_on,"
            + " completion_percentage, status, total_score, best_scores";

    private final CqlSession session;
    private final int pageSize;
    private final Batches batches;
    private final Courses courses;
    private final PreparedStatement rows;

    public ProgressExhaust(DatasetContext context) {
        this.session = context.session();
        this.pageSize = context.pageSize();
        this.batches = new Batches(session);
        this.courses = new Courses(session);
        this.rows = session.prepare("SELECT " + COLUMNS + " FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ?");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String subjectKey() {
        return "batchId";
    }

    @Override
    public long write(ReportRequest request, OutputStream out, ReportProgress progress) throws Exception {
        Batch batch = batches.require(request.tenant(), request.require("batchId", NAME));
        Course course = courses.find(request.tenant(), batch.courseId()).orElse(new Course(batch.courseId(), null, List.of()));
        List<Assessment> assessments = course.assessments();
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        assessments.forEach(a -> header.add(a.header()));
        try (ReportCsv csv = new ReportCsv(out, header)) {
            RowWriter writer = new RowWriter(csv, batch, course, assessments, progress);
            Pages.forEach(session, rows.bind(request.tenant(), batch.courseId(), batch.batchId()).setPageSize(pageSize),
                    writer::write);
            writer.flushProgress();
            return csv.rows();
        }
    }

    /** Writes one enrolments_by_batch row; reports progress every 1,000 rows. */
    private static final class RowWriter {
        private final ReportCsv csv;
        private final Batch batch;
        private final Course course;
        private final String[] assessmentIds;
        private final ReportProgress progress;
        private long unreported;

        RowWriter(ReportCsv csv, Batch batch, Course course, List<Assessment> assessments, ReportProgress progress) {
            this.csv = csv;
            this.batch = batch;
            this.course = course;
            this.assessmentIds = assessments.stream().map(Assessment::contentId).toArray(String[]::new);
            this.progress = progress;
        }

        void write(Row r) throws Exception {
            String courseName = course.name() != null ? course.name() : r.getString(1);
            String batchName = batch.name() != null ? batch.name() : r.getString(2);
            csv.cell(Cells.id(batch.courseId())).cell(Cells.text(courseName))
                    .cell(Cells.id(batch.batchId())).cell(Cells.text(batchName))
                    .cell(Cells.id(r.getString(0))).cell(Cells.text(r.getString(3)));
            for (int i = 4; i <= 12; i++) { // org name .. user sub type
                csv.cell(Cells.text(r.getString(i)));
            }
            csv.cell(Cells.instant(r.getInstant(13)))
                    .cell(Cells.instant(r.getInstant(14)))
                    .cell(Cells.number(r.isNull(15) ? null : r.getDouble(15)))
                    .cell(Cells.status(r.isNull(16) ? null : r.getInt(16)))
                    .cell("") // certificate status: not known to Stride yet
                    .cell(Cells.number(r.isNull(17) ? null : r.getDouble(17)));
            if (assessmentIds.length > 0) {
                Map<String, Double> best = r.getMap(18, String.class, Double.class);
                for (String id : assessmentIds) {
                    csv.cell(Cells.number(best == null ? null : best.get(id)));
                }
            }
            csv.endRow();
            if (++unreported == 1000) {
                flushProgress();
            }
        }

        void flushProgress() {
            progress.rows(unreported);
            unreported = 0;
        }
    }
}
