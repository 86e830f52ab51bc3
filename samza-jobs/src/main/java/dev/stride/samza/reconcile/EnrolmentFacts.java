package dev.stride.samza.reconcile;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.stride.core.content.ContentState;
import dev.stride.core.content.ContentStateMerge;
import dev.stride.core.content.RequestCounter;
import dev.stride.core.course.CourseNode;
import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import dev.stride.samza.progress.StoredAttempt;
import dev.stride.schema.StrideTables;
import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the sources of truth the aggregates derive from: course trees, batches, enrolments, content facts, attempts. */
final class EnrolmentFacts {

    private final CqlSession session;
    private final PreparedStatement tree;
    private final PreparedStatement batches;
    private final PreparedStatement users;
    private final PreparedStatement facts;
    private final PreparedStatement attempts;

    EnrolmentFacts(CqlSession session) {
        this.session = session;
        tree = session.prepare("SELECT tree FROM " + StrideTables.COURSE_STRUCTURE + " WHERE tenant = ? AND course_id = ?");
        batches = session.prepare("SELECT batch_id FROM " + StrideTables.COURSE_BATCH + " WHERE tenant = ? AND course_id = ?");
        users = session.prepare("SELECT user_id FROM " + StrideTables.ENROLMENTS_BY_BATCH
                + " WHERE tenant = ? AND course_id = ? AND batch_id = ?");
        facts = session.prepare("SELECT content_id, request_id, status, progress, last_access_time, last_completed_time,"
                + " progress_details FROM " + StrideTables.USER_CONTENT_CONSUMPTION
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
        attempts = session.prepare("SELECT content_id, attempt_id, assessment_ts, total_score, total_max_score,"
                + " question_responses FROM " + StrideTables.ASSESSMENT_ATTEMPTS
                + " WHERE tenant = ? AND user_id = ? AND course_id = ? AND batch_id = ?");
    }

    Optional<CourseTree> tree(String tenant, String course) {
        return Optional.ofNullable(session.execute(tree.bind(tenant, course)).one())
                .map(r -> CourseTree.of(Json.read(r.getString("tree"), CourseNode.class)));
    }

    List<String> batches(String tenant, String course) {
        return session.execute(batches.bind(tenant, course)).all().stream().map(r -> r.getString("batch_id")).toList();
    }

    List<String> users(String tenant, String course, String batch) {
        return session.execute(users.bind(tenant, course, batch)).all().stream().map(r -> r.getString("user_id")).toList();
    }

    /** Each content's state: the merge of its facts, exactly as the read API folds them. */
    Map<String, ContentState> contents(String tenant, String user, String course, String batch) {
        Map<String, ContentState> states = new TreeMap<>();
        for (Row r : session.execute(facts.bind(tenant, user, course, batch))) {
            int status = r.getInt("status");
            RequestCounter request = RequestCounter.ofRequest(r.getString("request_id"));
            String details = r.getString("progress_details");
            ContentState fact = new ContentState(r.getString("content_id"), status,
                    r.isNull("progress") ? 0 : r.getInt("progress"), r.getInstant("last_access_time"),
                    r.getInstant("last_completed_time"), details, details == null ? null : r.getInstant("last_access_time"),
                    request, status == 2 ? request : RequestCounter.empty());
            states.merge(fact.contentId(), fact, ContentStateMerge::merge);
        }
        return states;
    }

    List<StoredAttempt> attempts(String tenant, String user, String course, String batch) {
        List<StoredAttempt> out = new ArrayList<>();
        for (Row r : session.execute(attempts.bind(tenant, user, course, batch))) {
            out.add(new StoredAttempt(r.getString("content_id"), r.getString("attempt_id"), r.getInstant("assessment_ts"),
                    r.getDouble("total_score"), r.getDouble("total_max_score"), seconds(r.getString("question_responses"))));
        }
        return out;
    }

    /** Sum of the answered questions' durations in an attempt's stored responses (content-state-api's JSON). */
    static double seconds(String questionResponses) {
        if (questionResponses == null || questionResponses.isBlank()) {
            return 0;
        }
        try {
            double total = 0;
            for (ContentStateEvent.Question q : Json.read(questionResponses, ContentStateEvent.Question[].class)) {
                total += q.duration() == null ? 0 : q.duration();
            }
            return total;
        } catch (JacksonException e) {
            return 0; // responses written by an older client: no durations known
        }
    }
}
