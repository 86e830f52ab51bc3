package dev.stride.reports.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.Json;
import dev.stride.reports.dataset.ReportException;
import dev.stride.schema.StrideTables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Table course_structure ((tenant, course_id)): the course name and its assessments, from the stored tree. */
public final class Courses {

    /** One assessment column: content id, its name in the tree (may be null) and max score. */
    public record Assessment(String contentId, String name, double maxScore) {

        public String header() {
            String label = name == null || name.isBlank() ? contentId : name + " [" + contentId + "]";
            return label + " (max " + dev.stride.reports.csv.Cells.number(maxScore) + ")";
        }
    }

    /** A course as reports need it; assessments in tree (document) order. */
    public record Course(String courseId, String name, List<Assessment> assessments) {

        public Map<String, String> assessmentNames() {
            Map<String, String> names = new LinkedHashMap<>();
            assessments.forEach(a -> names.put(a.contentId(), a.name()));
            return names;
        }
    }

    private final CqlSession session;
    private final PreparedStatement find;

    public Courses(CqlSession session) {
        this.session = session;
        this.find = session.prepare("SELECT name, tree FROM " + StrideTables.COURSE_STRUCTURE + " WHERE tenant = ? AND course_id = ?");
    }

    /** The course, or empty when it has no structure yet (then a report has no assessment columns). */
    public Optional<Course> find(String tenant, String courseId) {
        Row r = session.execute(find.bind(tenant, courseId)).one();
        if (r == null) {
            return Optional.empty();
        }
        CourseTree tree;
        try {
            tree = CourseTree.of(Json.read(r.getString("tree"), CourseNode.class));
        } catch (RuntimeException e) {
            throw ReportException.transientFailure("course " + courseId + " has an unreadable tree in course_structure: "
                    + e.getMessage(), e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        collectNames(tree.root(), names);
        List<Assessment> assessments = new ArrayList<>();
        tree.assessmentMaxScores().forEach((id, max) -> assessments.add(new Assessment(id, names.get(id), max)));
        String name = r.getString("name") != null ? r.getString("name") : tree.name();
        return Optional.of(new Course(courseId, name, List.copyOf(assessments)));
    }

    private static void collectNames(CourseNode node, Map<String, String> names) {
        names.putIfAbsent(node.identifier(), node.name());
        node.children().forEach(c -> collectNames(c, names));
    }
}
