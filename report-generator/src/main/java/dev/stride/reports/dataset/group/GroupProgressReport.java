package dev.stride.reports.dataset.group;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.reports.cassandra.Courses;
import dev.stride.reports.cassandra.OrderedWindow;
import dev.stride.reports.cassandra.Pages;
import dev.stride.reports.csv.Cells;
import dev.stride.reports.csv.ReportCsv;
import dev.stride.reports.dataset.Dataset;
import dev.stride.reports.dataset.DatasetContext;
import dev.stride.reports.dataset.ReportException;
import dev.stride.reports.dataset.ReportProgress;
import dev.stride.reports.dataset.ReportRequest;
import dev.stride.schema.StrideTables;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code group-progress} (batch mode of group progress): one row per member × group course, read the way
 * group-progress-api's query mode reads it: the groups row (its Course activities, in id order), the group_members
 * partition (user id order) and one user_enrolments partition per member, {@code readAhead} in flight, written in
 * member order. A member enrolled in several batches of a course is shown with the best one (highest completion,
 * then latest access), as the API does.
 */
public final class GroupProgressReport implements Dataset {

    public static final String NAME = "group-progress";

    public static final List<String> COLUMNS = List.of("Group Id", "Group Name", "User Id", "User Name", "Role",
            "Member Status", "Course Id", "Course Name", "Enrolled", "Batch Id", "Enrolment Date", "Status",
            "Completion %", "Completion Date", "Last Access", "Total Score");

    private static final Comparator<Enrolment> BEST = Comparator.comparingDouble(Enrolment::completion)
            .thenComparing(Enrolment::lastAccess, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final CqlSession session;
    private final int pageSize;
    private final int readAhead;
    private final Courses courses;
    private final PreparedStatement group;
    private final PreparedStatement members;
    private final PreparedStatement enrolments;

    public GroupProgressReport(DatasetContext context) {
        this.session = context.session();
        this.pageSize = context.pageSize();
        this.readAhead = context.readAhead();
        this.courses = new Courses(session);
        this.group = session.prepare("SELECT name, activities FROM " + StrideTables.GROUPS + " WHERE tenant = ? AND group_id = ?");
        this.members = session.prepare("SELECT user_id, name, role, status FROM " + StrideTables.GROUP_MEMBERS
                + " WHERE tenant = ? AND group_id = ?");
        this.enrolments = session.prepare("SELECT course_id, batch_id, course_name, enrolled_date, status,"
                + " completion_percentage, completed_on, last_access_time, total_score FROM " + StrideTables.USER_ENROLMENTS
                + " WHERE tenant = ? AND user_id = ?");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String subjectKey() {
        return "groupId";
    }

    private record Member(String userId, String name, String role, String status) {
    }

    private record Enrolment(String courseId, String batchId, String courseName, Instant enrolled, Integer status,
                             double completion, Instant completedOn, Instant lastAccess, Double totalScore) {
    }

    @Override
    public long write(ReportRequest request, OutputStream out, ReportProgress progress) throws Exception {
        String tenant = request.tenant();
        String groupId = request.require("groupId", NAME);
        Row g = session.execute(group.bind(tenant, groupId)).one();
        if (g == null) {
            throw ReportException.permanent("group " + groupId + " does not exist in tenant " + tenant);
        }
        String groupName = g.getString("name");
        Map<String, String> courseNames = new LinkedHashMap<>();
        new TreeMap<>(g.getMap("activities", String.class, String.class)).forEach((id, type) -> {
            if ("Course".equals(type)) {
                courseNames.put(id, courses.find(tenant, id).map(Courses.Course::name).orElse(null));
            }
        });
        try (ReportCsv csv = new ReportCsv(out, COLUMNS)) {
            OrderedWindow<Member, AsyncResultSet> window = new OrderedWindow<>(readAhead, (m, page) -> {
                Map<String, Enrolment> best = best(page, courseNames);
                for (Map.Entry<String, String> course : courseNames.entrySet()) {
                    Enrolment e = best.get(course.getKey());
                    String courseName = course.getValue() != null ? course.getValue() : e == null ? null : e.courseName();
                    csv.cell(Cells.id(groupId)).cell(Cells.text(groupName)).cell(Cells.id(m.userId()))
                            .cell(Cells.text(m.name())).cell(Cells.text(m.role())).cell(Cells.text(m.status()))
                            .cell(Cells.id(course.getKey())).cell(Cells.text(courseName)).cell(e == null ? "No" : "Yes");
                    if (e == null) {
                        for (int i = 0; i < 7; i++) {
                            csv.cell("");
                        }
                    } else {
                        csv.cell(Cells.id(e.batchId())).cell(Cells.instant(e.enrolled())).cell(Cells.status(e.status()))
                                .cell(Cells.number(e.completion())).cell(Cells.instant(e.completedOn()))
                                .cell(Cells.instant(e.lastAccess())).cell(Cells.number(e.totalScore()));
                    }
                    csv.endRow();
                }
                progress.rows(courseNames.size());
            });
            Pages.forEach(session, members.bind(tenant, groupId).setPageSize(pageSize), r -> {
                Member m = new Member(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
                window.submit(m, session.executeAsync(enrolments.bind(tenant, m.userId())));
            });
            window.finish();
            return csv.rows();
        }
    }

    /** The member's best enrolment per group course (a learner's course list is one small partition). */
    private Map<String, Enrolment> best(AsyncResultSet first, Map<String, String> wanted) throws InterruptedException {
        Map<String, Enrolment> best = new HashMap<>();
        AsyncResultSet page = first;
        while (true) {
            for (Row r : page.currentPage()) {
                String courseId = r.getString(0);
                if (!wanted.containsKey(courseId)) {
                    continue;
                }
                Enrolment e = new Enrolment(courseId, r.getString(1), r.getString(2), r.getInstant(3),
                        r.isNull(4) ? null : r.getInt(4), r.isNull(5) ? 0 : r.getDouble(5), r.getInstant(6),
                        r.getInstant(7), r.isNull(8) ? null : r.getDouble(8));
                best.merge(courseId, e, (a, b) -> BEST.compare(b, a) > 0 ? b : a);
            }
            if (!page.hasMorePages()) {
                return best;
            }
            page = Pages.await(page.fetchNextPage());
        }
    }
}
