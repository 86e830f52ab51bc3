package dev.stride.core.completion;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentBestsTest {

    private static final Instant T = Instant.ofEpochMilli(1606136315179L);

    private static AssessmentAttempt attempt(String content, String id, int minutes, double score, double max) {
        return new AssessmentAttempt(content, id, T.plusSeconds(60L * minutes), score, max);
    }

    @Test
    void bestPerContentAndTotalOfBests() {
        AssessmentBests b = AssessmentBests.of(List.of(
                attempt("q1", "a1", 0, 3, 10),
                attempt("q1", "a2", 5, 8, 10),
                attempt("q1", "a3", 9, 6, 10),
                attempt("q2", "b1", 1, 4, 5)), 25);

        assertThat(b.best("q1")).isEqualTo(new BestScore("q1", "a2", 8, 10, 3, T.plusSeconds(540)));
        assertThat(b.best("q2").attemptCount()).isEqualTo(1);
        assertThat(b.totalScore()).isEqualTo(12.0);
        assertThat(b.totalMaxScore()).isEqualTo(15.0);
        assertThat(b.byContent().keySet()).containsExactly("q1", "q2");
    }

    @Test
    void attemptsBeyondTheCapAreIgnoredKeepingTheEarliest() {
        List<AssessmentAttempt> attempts = List.of(
                attempt("q1", "a3", 2, 10, 10),
                attempt("q1", "a1", 0, 2, 10),
                attempt("q1", "a2", 1, 5, 10));
        AssessmentBests b = AssessmentBests.of(attempts, 2);
        assertThat(b.best("q1").bestAttemptId()).isEqualTo("a2");
        assertThat(b.best("q1").attemptCount()).isEqualTo(2);
        assertThat(AssessmentBests.counted(attempts, 2).get("q1")).extracting(AssessmentAttempt::attemptId)
                .containsExactly("a1", "a2");
    }

    @Test
    void sameTimestampCapTieBreaksOnAttemptId() {
        List<AssessmentAttempt> attempts = List.of(attempt("q1", "b", 0, 9, 10), attempt("q1", "a", 0, 1, 10));
        assertThat(AssessmentBests.of(attempts, 1).best("q1").bestAttemptId()).isEqualTo("a");
    }

    @Test
    void orderAndDuplicatesDoNotMatter() {
        List<AssessmentAttempt> attempts = new ArrayList<>(List.of(
                attempt("q1", "a1", 0, 3, 10), attempt("q1", "a2", 5, 8, 10), attempt("q2", "b1", 1, 4, 5),
                attempt("q1", "a2", 5, 8, 10)));
        AssessmentBests expected = AssessmentBests.of(attempts, 25);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(attempts, new java.util.Random(i));
            assertThat(AssessmentBests.of(attempts, 25)).isEqualTo(expected);
        }
        assertThat(expected.best("q1").attemptCount()).isEqualTo(2);
    }

    @Test
    void aScoreTieKeepsTheEarlierAttempt() {
        AssessmentBests b = AssessmentBests.of(List.of(attempt("q", "late", 9, 5, 5), attempt("q", "early", 1, 5, 5)));
        assertThat(b.best("q").bestAttemptId()).isEqualTo("early");
    }

    @Test
    void capMustBePositive() {
        assertThatThrownBy(() -> AssessmentBests.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
