package dev.stride.core.content;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentStateMergeTest {

    private static final Instant NOW = Instant.parse("2020-11-23T13:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant T1 = SunbirdTimestamps.parseOrThrow("2020-11-23 12:58:35:179+0000");
    private static final Instant T2 = T1.plusSeconds(60);

    private static ContentUpdate update(String requestId, int status, Integer progress, Instant at) {
        return new ContentUpdate(requestId, "do_1131", status, progress, at, null);
    }

    @Test
    void firstUpdateCreatesTheState() {
        ContentState s = ContentStateMerge.apply(null, update("r1", 1, 40, T1), CLOCK);

        assertThat(s.contentId()).isEqualTo("do_1131");
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.progress()).isEqualTo(40);
        assertThat(s.viewCount()).isEqualTo(1);
        assertThat(s.completedCount()).isZero();
        assertThat(s.lastAccessTime()).isEqualTo(T1);
        assertThat(s.lastCompletedTime()).isNull();
    }

    @Test
    void statusNeverGoesDownAndProgressKeepsTheMax() {
        ContentState s = ContentStateMerge.apply(null, update("r1", 2, null, T1), CLOCK);
        s = ContentStateMerge.apply(s, update("r2", 1, 30, T2), CLOCK);

        assertThat(s.status()).isEqualTo(2);
        assertThat(s.progress()).isEqualTo(100);
        assertThat(s.lastAccessTime()).isEqualTo(T2);
        assertThat(s.lastCompletedTime()).isEqualTo(T1);
        assertThat(s.viewCount()).isEqualTo(2);
        assertThat(s.completedCount()).isEqualTo(1);
    }

    @Test
    void progressTakesTheMaxOfOldAndNew() {
        ContentState s = ContentStateMerge.apply(null, update("r1", 1, 70, T1), CLOCK);
        s = ContentStateMerge.apply(s, update("r2", 1, 20, T2), CLOCK);
        assertThat(s.progress()).isEqualTo(70);
        s = ContentStateMerge.apply(s, update("r3", 1, null, T2), CLOCK);
        assertThat(s.progress()).isEqualTo(70);
    }

    @Test
    void statusTwoForcesProgressHundred() {
        ContentState s = ContentStateMerge.apply(null, update("r1", 2, 10, T1), CLOCK);
        assertThat(s.progress()).isEqualTo(100);
        assertThat(new ContentState("c", 2, 5, 0, 0, null, null, null).progress()).isEqualTo(100);
    }

    @Test
    void aLateUpdateNeverMovesTimesBackwards() {
        ContentState s = ContentStateMerge.apply(null, update("r2", 2, null, T2), CLOCK);
        s = ContentStateMerge.apply(s, update("r1", 2, null, T1), CLOCK);

        assertThat(s.lastAccessTime()).isEqualTo(T2);
        assertThat(s.lastCompletedTime()).isEqualTo(T2);
        assertThat(s.completedCount()).isEqualTo(2);
    }

    @Test
    void missingLastAccessTimeUsesTheClock() {
        ContentState s = ContentStateMerge.apply(null, update("r1", 2, null, null), CLOCK);
        assertThat(s.lastAccessTime()).isEqualTo(NOW);
        assertThat(s.lastCompletedTime()).isEqualTo(NOW);
    }

    @Test
    void duplicateDeliveryChangesNothing() {
        ContentUpdate u = update("r1", 2, null, T1);
        ContentState once = ContentStateMerge.apply(null, u, CLOCK);
        ContentState twice = ContentStateMerge.apply(once, u, CLOCK);

        assertThat(twice).isEqualTo(once);
        assertThat(twice.viewCount()).isEqualTo(1);
        assertThat(twice.completedCount()).isEqualTo(1);
    }

    @Test
    void twoConcurrentWritersBothCount() {
        ContentState stored = ContentStateMerge.apply(null, update("r0", 1, 10, T1), CLOCK);
        ContentState writerA = ContentStateMerge.apply(stored, update("rA", 1, 50, T2), CLOCK);
        ContentState writerB = ContentStateMerge.apply(stored, update("rB", 2, null, T1.plusSeconds(30)), CLOCK);

        ContentState converged = ContentStateMerge.merge(writerA, writerB);

        assertThat(converged).isEqualTo(ContentStateMerge.merge(writerB, writerA));
        assertThat(converged.viewCount()).isEqualTo(3);
        assertThat(converged.completedCount()).isEqualTo(1);
        assertThat(converged.status()).isEqualTo(2);
        assertThat(converged.lastAccessTime()).isEqualTo(T2);
    }

    @Test
    void progressDetailsFollowTheLatestUpdateThatCarriedThem() {
        ContentState s = ContentStateMerge.apply(null,
                new ContentUpdate("r1", "do_1131", 1, 40, T1, "{\"stageId\":\"s1\"}"), CLOCK);
        s = ContentStateMerge.apply(s, new ContentUpdate("r2", "do_1131", 1, 60, T2, null), CLOCK);
        assertThat(s.progressDetails()).isEqualTo("{\"stageId\":\"s1\"}");

        s = ContentStateMerge.apply(s, new ContentUpdate("r0", "do_1131", 1, 10, T1.minusSeconds(5), "{\"old\":1}"), CLOCK);
        assertThat(s.progressDetails()).isEqualTo("{\"stageId\":\"s1\"}");
    }

    @Test
    void progressDetailsTieBreakIsDeterministic() {
        ContentState a = ContentStateMerge.apply(null, new ContentUpdate("r1", "c", 1, 0, T1, "{\"a\":1}"), CLOCK);
        ContentState b = ContentStateMerge.apply(null, new ContentUpdate("r2", "c", 1, 0, T1, "{\"b\":1}"), CLOCK);
        assertThat(ContentStateMerge.merge(a, b).progressDetails()).isEqualTo("{\"b\":1}");
        assertThat(ContentStateMerge.merge(b, a).progressDetails()).isEqualTo("{\"b\":1}");
    }

    @Test
    void importedSunbirdCountersAreABaseThatNewRequestsAddTo() {
        ContentState legacy = new ContentState("do_1131", 2, 100, 5, 2, T1, T1, null);
        assertThat(legacy.viewCount()).isEqualTo(5);

        ContentState s = ContentStateMerge.apply(legacy, update("r1", 2, null, T2), CLOCK);
        assertThat(s.viewCount()).isEqualTo(6);
        assertThat(s.completedCount()).isEqualTo(3);
        assertThat(ContentStateMerge.merge(s, legacy)).isEqualTo(s);
    }

    @Test
    void refusesToMergeDifferentContents() {
        ContentState a = ContentStateMerge.apply(null, new ContentUpdate("r1", "a", 1, 0, T1, null), CLOCK);
        ContentState b = ContentStateMerge.apply(null, new ContentUpdate("r1", "b", 1, 0, T1, null), CLOCK);
        assertThatThrownBy(() -> ContentStateMerge.merge(a, b)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateRejectsOutOfRangeValues() {
        assertThatThrownBy(() -> update("r", 3, null, T1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> update("r", 1, 101, T1)).isInstanceOf(IllegalArgumentException.class);
    }
}
