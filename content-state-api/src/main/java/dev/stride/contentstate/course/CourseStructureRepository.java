package dev.stride.contentstate.course;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.api.cassandra.Cql;
import dev.stride.contentstate.config.NearCache;
import java.time.Duration;
import java.util.List;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.Json;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Set;

/** Table course_structure ((tenant, course_id)): the tree as JSON plus the sets derived from it on write. */
@Repository
public class CourseStructureRepository {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement find;
    private final PreparedStatement findLeaves;
    private final NearCache<List<String>, CourseSummary> summaries = new NearCache<>(Duration.ofSeconds(10), 10_000);

    public CourseStructureRepository(CqlSession session) {
        this.session = session;
        this.upsert = session.prepare("INSERT INTO course_structure (tenant, course_id, name, tree, leaf_ids,"
                + " required_leaf_ids, unit_leaves, assessment_max_scores, version, updated_by, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.find = session.prepare("SELECT tree FROM course_structure WHERE tenant = ? AND course_id = ?");
        this.findLeaves = session.prepare("SELECT name, leaf_ids, required_leaf_ids FROM course_structure"
                + " WHERE tenant = ? AND course_id = ?");
    }

    /** What the write path and enrolment need without parsing the tree. */
    public record CourseSummary(String name, Set<String> leafIds, int requiredLeafCount) {
    }

    public Mono<Void> save(String tenant, CourseTree tree, String updatedBy, Instant at) {
        summaries.invalidate(List.of(tenant, tree.courseId()));
        return Cql.execute(session, upsert.bind(tenant, tree.courseId(), tree.name(), Json.write(tree.root()),
                tree.leafIds(), tree.requiredLeafIds(), tree.unitRequiredLeaves(), tree.assessmentMaxScores(),
                at.toEpochMilli(), updatedBy, at));
    }

    public Mono<CourseTree> find(String tenant, String courseId) {
        return Cql.one(session, find.bind(tenant, courseId))
                .map(row -> CourseTree.of(Json.read(row.getString("tree"), CourseNode.class)));
    }

    /**
     * Served from memory for up to 10 s: a tree changed through another instance reaches this one's
     * "content in the course" check within that time (this instance's own changes at once).
     */
    public Mono<CourseSummary> summary(String tenant, String courseId) {
        return summaries.get(List.of(tenant, courseId),
                k -> Cql.one(session, findLeaves.bind(tenant, courseId)).map(CourseStructureRepository::summary));
    }

    private static CourseSummary summary(Row row) {
        return new CourseSummary(row.getString("name"), row.getSet("leaf_ids", String.class),
                row.getSet("required_leaf_ids", String.class).size());
    }
}
