package dev.stride.samza.progress;

import dev.stride.core.course.CourseTree;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.CourseCompletedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stride.samza.progress.Fixtures.T0;
import static dev.stride.samza.progress.Fixtures.attempt;
import static dev.stride.samza.progress.Fixtures.content;
import static dev.stride.samza.progress.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AggregationTest {

    private static EnrolmentState fold(List<ContentStateEvent> events) {
        EnrolmentState s = EnrolmentState.empty("t1", "u1", "c1", "b1");
        for (ContentStateEvent e : events) {
            s = s.absorb(e);
        }
        return s;
    }

    @Test
    void completesOnceAndKeepsTheFirstCompletionWhenTheCourseGrows() {
        EnrolmentState s = fold(List.of(content("u1", "a", 2, 1), content("u1", "b", 2, 2), attempt("u1", "x", 7, 3)));
        Aggregation.Outcome first = Aggregation.step(s, tree(), T0, 25);

        assertThat(first.progress().status()).isEqualTo(2);
        assertThat(first.progress().completedCount()).isEqualTo(3);
        assertThat(first.progress().leafNodesCount()).isEqualTo(3);
        assertThat(first.progress().completionPercentage()).isEqualTo(100.0);
        assertThat(first.progress().completedOn()).isEqualTo(T0.plusSeconds(3));
        assertThat(first.progress().unitCompletion()).containsEntry("u1", 100.0);
        CourseCompletedEvent completed = first.completed();
        assertThat(completed.eventId()).isEqualTo(CourseCompletedEvent.eventId("t1", "u1", "c1", "b1"));
        assertThat(first.version()).isEqualTo(1);

        Aggregation.Outcome again = Aggregation.step(first.state(), tree(), T0, 25);
        assertThat(again.progress()).isNull();
        assertThat(again.completed()).isNull();
        assertThat(again.state()).isEqualTo(first.state());

        Aggregation.Outcome grown = Aggregation.step(first.state(), tree("d"), T0.plusSeconds(60), 25);
        assertThat(grown.progress().status()).isEqualTo(1);
        assertThat(grown.progress().completionPercentage()).isCloseTo(75.0, within(1e-9));
        assertThat(grown.progress().completedOn()).isEqualTo(T0.plusSeconds(3));
        assertThat(grown.progress().updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(grown.completed()).isNull();
        assertThat(grown.version()).isEqualTo(2);
        assertThat(grown.progress().aggLastUpdated()).containsEntry("completionPercentage", T0.plusSeconds(60))
                .containsEntry("score:q", T0.plusSeconds(3));

        Aggregation.Outcome doneAgain = Aggregation.step(fold(List.of(content("u1", "a", 2, 1), content("u1", "b", 2, 2),
                attempt("u1", "x", 7, 3), content("u1", "d", 2, 70))).withEmission(grown.state().firstCompletedOn(),
                true, grown.version(), grown.state().fingerprint(), grown.state().metrics()), tree("d"), T0, 25);
        assertThat(doneAgain.progress().status()).isEqualTo(2);
        assertThat(doneAgain.completed()).isNull(); // course-completed is emitted once per enrolment
    }

    @Test
    void duplicatedAndReorderedEventsGiveTheSameState() {
        List<ContentStateEvent> events = List.of(content("u1", "a", 1, 1), content("u1", "a", 2, 5),
                content("u1", "b", 1, 3), attempt("u1", "x", 4, 4), attempt("u1", "y", 9, 6));
        EnrolmentState inOrder = fold(events);
        EnrolmentState reversedTwice = fold(List.of(events.get(4), events.get(3), events.get(2), events.get(1),
                events.get(0), events.get(4), events.get(1), events.get(0)));

        assertThat(reversedTwice).isEqualTo(inOrder);
        assertThat(inOrder.contents().get("a").status()).isEqualTo(2); // a late "in progress" never lowers it
    }

    @Test
    void keepsBestScoresAttemptCountsAndTimeOnTask() {
        EnrolmentState s = EnrolmentState.empty("t1", "u1", "c1", "b1");
        for (ContentStateEvent e : List.of(attempt("u1", "x", 4, 1), attempt("u1", "y", 9, 2), attempt("u1", "z", 10, 3))) {
            s = s.absorb(e);
        }
        EnrolmentAggregate a = Aggregation.step(s, tree(), T0, 2).progress(); // limit 2: the third, latest attempt never counts

        assertThat(a.bestScores()).containsEntry("q", 9.0);
        assertThat(a.totalScore()).isEqualTo(9.0);
        assertThat(a.aggregates()).containsEntry("score:q", 9.0).containsEntry("max_score:q", 10.0)
                .containsEntry("attempts_count:q", 2.0).containsEntry("completedCount", 1.0);
        assertThat(a.timeSpentSeconds()).isEqualTo(60);
        assertThat(a.lastReadContentId()).isEqualTo("q");
    }

    @Test
    void readsADurationFromProgressDetailsOnly() {
        assertThat(Aggregation.durationSeconds("{\"duration\": 42.7, \"current\": [3]}")).isEqualTo(42);
        assertThat(Aggregation.durationSeconds("{\"current\": [3]}")).isZero();
        assertThat(Aggregation.durationSeconds("not json")).isZero();
        assertThat(Aggregation.durationSeconds(null)).isZero();
    }

    @Test
    void theStoredStateRoundTripsThroughItsSerde() {
        EnrolmentState s = Aggregation.step(fold(List.of(content("u1", "a", 2, 1), attempt("u1", "x", 7, 3))),
                tree(), T0, 25).state();
        JsonSerde<EnrolmentState> serde = new JsonSerde<>(EnrolmentState.class);

        assertThat(serde.fromBytes(serde.toBytes(s))).isEqualTo(s);
    }

    @Test
    void aFingerprintOfTheFirstJsonFormStillMeansUnchanged() {
        EnrolmentState s = fold(List.of(content("u1", "a", 2, 1), attempt("u1", "x", 7, 3)));
        Aggregation.Outcome first = Aggregation.step(s, tree(), T0, 25);
        assertThat(first.state().fingerprint()).startsWith(Aggregation.FINGERPRINT_PREFIX);
        EnrolmentState olderJob = first.state().withEmission(first.state().firstCompletedOn(),
                first.state().completionEmitted(), first.version(), Aggregation.legacyFingerprint(first.progress()),
                first.state().metrics());

        assertThat(Aggregation.step(olderJob, tree(), T0, 25).progress()).isNull(); // restored from an old changelog
        Aggregation.Outcome changed = Aggregation.step(olderJob.absorb(content("u1", "b", 2, 9)), tree(), T0, 25);
        assertThat(changed.progress()).isNotNull();
        assertThat(changed.state().fingerprint()).startsWith(Aggregation.FINGERPRINT_PREFIX);
        assertThat(Aggregation.fingerprint(changed.progress())).isNotEqualTo(Aggregation.fingerprint(first.progress()));
    }

    @Test
    void aCourseWithoutRequiredLeavesIsCompleteOnceStarted() {
        CourseTree optionalOnly = CourseTree.of("c1", "all optional",
                List.of(new dev.stride.core.course.CourseNode("o", null, null, List.of(), true, null)));
        Aggregation.Outcome o = Aggregation.step(fold(List.of(content("u1", "o", 1, 1))), optionalOnly, T0, 25);

        assertThat(o.progress().status()).isEqualTo(2);
        assertThat(o.progress().completedOn()).isEqualTo(T0.plusSeconds(1));
        assertThat(o.completed()).isNotNull();
    }
}
