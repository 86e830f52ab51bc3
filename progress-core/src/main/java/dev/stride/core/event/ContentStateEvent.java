package dev.stride.core.event;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stride.core.completion.AssessmentAttempt;
import dev.stride.core.content.ContentState;
import dev.stride.core.ids.Ids;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Topic {@link Topics#CONTENT_STATE}, key {@code tenant|user|course|batch}: one event per accepted update request
 * and enrolment (a request touching two batches yields two events), published after the Cassandra write.
 *
 * <p>{@code contents} are the merged states after the write. Two concurrent writers may publish them in either
 * order, so a consumer must join them (max status and progress, later times) rather than overwrite.
 *
 * @param requestId   the API request; with the enrolment it determines {@code eventId}
 * @param assessments the assessment attempts sent in the same request for this enrolment
 */
public record ContentStateEvent(int schemaVersion, String eventId, String tenantId, Instant eventTime,
                                Instant ingestTime, String userId, String courseId, String batchId,
                                String requestId, List<Content> contents, List<Attempt> assessments,
                                @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements StrideEvent {

    public static final int SCHEMA_VERSION = 1;

    public ContentStateEvent {
        contents = Extra.list(contents);
        assessments = Extra.list(assessments);
        extra = Extra.copy(extra);
    }

    /**
     * A new event with the deterministic id {@code nameBased(topic, tenant, user, course, batch, requestId)}, so a
     * re-publish of the same request's result is recognisable downstream.
     *
     * @param eventTime the learner's action time (e.g. the latest lastAccessTime of the request)
     * @param ingestTime when the API accepted the request
     */
    public static ContentStateEvent of(String tenantId, String userId, String courseId, String batchId,
                                       String requestId, List<ContentState> states, List<Attempt> assessments,
                                       Instant eventTime, Instant ingestTime) {
        Objects.requireNonNull(requestId, "requestId");
        return new ContentStateEvent(SCHEMA_VERSION,
                eventId(tenantId, userId, courseId, batchId, requestId),
                tenantId, eventTime, ingestTime, userId, courseId, batchId, requestId,
                states.stream().map(Content::from).toList(), assessments, Map.of());
    }

    public static String eventId(String tenantId, String userId, String courseId, String batchId, String requestId) {
        return Ids.nameBased(Topics.CONTENT_STATE, tenantId, userId, courseId, batchId, requestId);
    }

    @Override
    @JsonIgnore
    public String topic() {
        return Topics.CONTENT_STATE;
    }

    @Override
    @JsonIgnore
    public String key() {
        return EventKeys.enrolmentKey(tenantId, userId, courseId, batchId);
    }

    /** Content id → status, the map the progress aggregator keeps. */
    @JsonIgnore
    public Map<String, Integer> contentStatus() {
        Map<String, Integer> m = new LinkedHashMap<>();
        contents.forEach(c -> m.merge(c.contentId(), c.status(), Math::max));
        return m;
    }

    /** One content's merged state, as the read API shows it (Sunbird's user_content_consumption columns). */
    public record Content(String contentId, int status, int progress, int viewCount, int completedCount,
                          Instant lastAccessTime, Instant lastCompletedTime, String progressDetails,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Content {
            extra = Extra.copy(extra);
        }

        public static Content from(ContentState s) {
            return new Content(s.contentId(), s.status(), s.progress(), s.viewCount(), s.completedCount(),
                    s.lastAccessTime(), s.lastCompletedTime(), s.progressDetails(), Map.of());
        }
    }

    /**
     * One assessment attempt of the request (Sunbird's {@code assessments[]} element).
     *
     * @param totalScore    sum of question scores (each question counted once, see {@link #of})
     * @param totalMaxScore sum of question max scores
     */
    public record Attempt(String contentId, String attemptId, Instant assessmentTs, double totalScore,
                          double totalMaxScore, List<Question> questions,
                          @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Attempt {
            questions = Extra.list(questions);
            extra = Extra.copy(extra);
        }

        /**
         * An attempt with totals computed from its questions; a question answered several times counts once,
         * with its latest answer (greatest answeredAt, then the later in the list), as Sunbird's aggregator does.
         */
        public static Attempt of(String contentId, String attemptId, Instant assessmentTs, List<Question> questions) {
            Map<String, Question> latest = new LinkedHashMap<>();
            Comparator<Instant> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
            for (Question q : questions) {
                latest.merge(q.id(), q, (old, q2) -> nullsFirst.compare(q2.answeredAt(), old.answeredAt()) >= 0 ? q2 : old);
            }
            double score = 0;
            double max = 0;
            for (Question q : latest.values()) {
                score += q.score();
                max += q.maxScore();
            }
            return new Attempt(contentId, attemptId, assessmentTs, score, max, List.copyOf(latest.values()), Map.of());
        }

        public AssessmentAttempt toAssessmentAttempt() {
            return new AssessmentAttempt(contentId, attemptId, assessmentTs, totalScore, totalMaxScore);
        }
    }

    /**
     * One answered question (an ASSESS event's {@code edata}: {@code item{id, maxscore, title, type}, score,
     * duration, resvalues}).
     *
     * @param answeredAt the ASSESS event's time ({@code ets}), or null
     * @param resvalues  the learner's responses as sent, or null
     */
    public record Question(String id, String title, String type, double maxScore, double score, Double duration,
                           Instant answeredAt, JsonNode resvalues,
                           @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

        public Question {
            Objects.requireNonNull(id, "id");
            resvalues = resvalues == null || resvalues.isNull() ? null : resvalues; // JSON null reads as NullNode
            extra = Extra.copy(extra);
        }
    }
}
