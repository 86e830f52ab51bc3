package dev.stride.reports.dataset.progress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private static final TypeCodec<Map<String, Double>> BEST_SCORES = TypeCodecs.mapOf(TypeCodecs.TEXT, TypeCodecs.DOUBLE);

    // Formatted pages waiting to be appended; with the page being read and the one prefetched, the memory bound.
    private static final int WINDOW = 3;

    private final CqlSession session;
    private final int pageSize;
    private final int formatThreads;
    private final Batches batches;
    private final Courses courses;
    private final PreparedStatement rows;

    public ProgressExhaust(DatasetContext context) {
        this.session = context.session();
        this.pageSize = context.pageSize();
        this.formatThreads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
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
        RowFormat format = new RowFormat(batch, course, assessments);
        ExecutorService formatters = Executors.newFixedThreadPool(formatThreads, r -> {
            Thread t = new Thread(r, "progress-exhaust-format");
            t.setDaemon(true);
            return t;
        });
        try (ReportCsv csv = new ReportCsv(out, header)) {
            // Pages are formatted on other threads while the main thread waits for the next page, then appended in
            // order: at most WINDOW pages (rows and their formatted bytes) are in memory at once.
            Deque<Future<ReportCsv.Chunk>> window = new ArrayDeque<>();
            Pages.forEachPage(session, rows.bind(request.tenant(), batch.courseId(), batch.batchId()).setPageSize(pageSize),
                    page -> {
                        window.addLast(formatters.submit(() -> format.chunk(page, header.size())));
                        while (window.size() > WINDOW) {
                            append(csv, window.removeFirst(), progress);
                        }
                    });
            while (!window.isEmpty()) {
                append(csv, window.removeFirst(), progress);
            }
            return csv.rows();
        } finally {
            formatters.shutdownNow();
        }
    }

    private static void append(ReportCsv csv, Future<ReportCsv.Chunk> formatted, ReportProgress progress) throws Exception {
        ReportCsv.Chunk chunk;
        try {
            chunk = formatted.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        progress.rows(chunk.rows()); // throws when cancelled, before the chunk is written
        csv.append(chunk);
    }

    /** Formats enrolments_by_batch rows (read by column index) into CSV cells; stateless, so any thread may use it. */
    private record RowFormat(Batch batch, Course course, String[] assessmentIds) {

        RowFormat(Batch batch, Course course, List<Assessment> assessments) {
            this(batch, course, assessments.stream().map(Assessment::contentId).toArray(String[]::new));
        }

        ReportCsv.Chunk chunk(Iterable<Row> page, int columns) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            ReportCsv csv = ReportCsv.chunk(bytes, columns);
            for (Row r : page) {
                write(csv, r);
            }
            csv.finish();
            return new ReportCsv.Chunk(bytes.toByteArray(), (int) csv.rows());
        }

        void write(ReportCsv csv, Row r) throws Exception {
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
                // the codec directly: getMap(i, String.class, Double.class) resolves generic types on every row
                Map<String, Double> best = BEST_SCORES.decode(r.getBytesUnsafe(18), r.protocolVersion());
                for (String id : assessmentIds) {
                    csv.cell(Cells.number(best == null ? null : best.get(id)));
                }
            }
            csv.endRow();
        }
    }
}
