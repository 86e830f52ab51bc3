package dev.stride.core.content;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge is a join-semilattice: order, grouping and duplicate delivery never change the result. */
class ContentStateMergeProperties {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Instant BASE = Instant.parse("2023-06-01T00:00:00Z");

    @Property(tries = 300)
    void anyPermutationAndDuplicationGivesTheSameState(@ForAll("updateLists") List<ContentUpdate> updates,
                                                       @ForAll long seed) {
        Random random = new Random(seed);
        List<ContentUpdate> shuffledWithDuplicates = new ArrayList<>(updates);
        for (ContentUpdate u : updates) {
            for (int i = random.nextInt(3); i > 0; i--) {
                shuffledWithDuplicates.add(u);
            }
        }
        Collections.shuffle(shuffledWithDuplicates, random);

        assertThat(fold(shuffledWithDuplicates)).isEqualTo(fold(updates));
    }

    @Property(tries = 300)
    void statusNeverDecreasesAndCompletedMeansFullProgress(@ForAll("updateLists") List<ContentUpdate> updates) {
        ContentState state = null;
        for (ContentUpdate u : updates) {
            ContentState next = ContentStateMerge.apply(state, u, CLOCK);
            if (state != null) {
                assertThat(next.status()).isGreaterThanOrEqualTo(state.status());
                assertThat(next.progress()).isGreaterThanOrEqualTo(state.progress());
                assertThat(next.viewCount()).isGreaterThanOrEqualTo(state.viewCount());
                assertThat(next.completedCount()).isGreaterThanOrEqualTo(state.completedCount());
                assertThat(next.lastAccessTime()).isAfterOrEqualTo(state.lastAccessTime());
            }
            assertThat(next.status()).isGreaterThanOrEqualTo(u.status());
            if (next.status() == ContentStatus.COMPLETED) {
                assertThat(next.progress()).isEqualTo(100);
                assertThat(next.lastCompletedTime()).isNotNull();
            }
            state = next;
        }
    }

    @Property(tries = 300)
    void countsAreDistinctRequests(@ForAll("updateLists") List<ContentUpdate> updates) {
        ContentState state = fold(updates);
        long distinct = updates.stream().map(ContentUpdate::requestId).distinct().count();
        long distinctCompleted = updates.stream().filter(u -> u.status() == 2)
                .map(ContentUpdate::requestId).distinct().count();
        assertThat(state.viewCount()).isEqualTo(distinct);
        assertThat(state.completedCount()).isEqualTo(distinctCompleted);
    }

    @Property(tries = 300)
    void mergeIsCommutative(@ForAll("states") ContentState a, @ForAll("states") ContentState b) {
        assertThat(ContentStateMerge.merge(a, b)).isEqualTo(ContentStateMerge.merge(b, a));
    }

    @Property(tries = 300)
    void mergeIsAssociative(@ForAll("states") ContentState a, @ForAll("states") ContentState b,
                            @ForAll("states") ContentState c) {
        assertThat(ContentStateMerge.merge(ContentStateMerge.merge(a, b), c))
                .isEqualTo(ContentStateMerge.merge(a, ContentStateMerge.merge(b, c)));
    }

    @Property(tries = 300)
    void mergeIsIdempotent(@ForAll("states") ContentState a, @ForAll("states") ContentState b) {
        assertThat(ContentStateMerge.merge(a, a)).isEqualTo(a);
        ContentState ab = ContentStateMerge.merge(a, b);
        assertThat(ContentStateMerge.merge(ab, b)).isEqualTo(ab);
    }

    @Property(tries = 200)
    void splittingTheUpdatesBetweenTwoWritersConverges(@ForAll("updateLists") List<ContentUpdate> updates,
                                                        @ForAll long seed) {
        Random random = new Random(seed);
        List<ContentUpdate> left = new ArrayList<>();
        List<ContentUpdate> right = new ArrayList<>();
        for (ContentUpdate u : updates) {
            (random.nextBoolean() ? left : right).add(u);
        }
        assertThat(ContentStateMerge.merge(fold(left), fold(right))).isEqualTo(fold(updates));
    }

    @Property(tries = 100)
    void requestCounterIsASemilatticeBeyondItsCapacity(@ForAll @Size(max = 700) List<@net.jqwik.api.constraints.IntRange(max = 900) Integer> xs,
                                                       @ForAll @Size(max = 700) List<@net.jqwik.api.constraints.IntRange(max = 900) Integer> ys) {
        RequestCounter x = counter(xs);
        RequestCounter y = counter(ys);
        RequestCounter xy = x.merge(y);
        assertThat(xy).isEqualTo(y.merge(x));
        assertThat(xy.merge(y)).isEqualTo(xy);
        assertThat(xy.count()).isGreaterThanOrEqualTo(Math.max(x.count(), y.count()));
        List<Integer> all = new ArrayList<>(xs);
        all.addAll(ys);
        assertThat(xy).isEqualTo(counter(all));
    }

    private static RequestCounter counter(List<Integer> ids) {
        RequestCounter c = RequestCounter.empty();
        for (Integer id : ids) {
            c = c.merge(RequestCounter.ofRequest("r" + id));
        }
        return c;
    }

    private static ContentState fold(List<ContentUpdate> updates) {
        ContentState state = null;
        for (ContentUpdate u : updates) {
            state = ContentStateMerge.apply(state, u, CLOCK);
        }
        return state;
    }

    @Provide
    Arbitrary<List<ContentUpdate>> updateLists() {
        return updates().list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<ContentState> states() {
        return updateLists().map(ContentStateMergeProperties::fold);
    }

    private static Arbitrary<ContentUpdate> updates() {
        Arbitrary<String> requestIds = Arbitraries.integers().between(1, 8).map(i -> "req-" + i);
        Arbitrary<Integer> status = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> progress = Arbitraries.integers().between(0, 100).injectNull(0.3);
        // Few distinct instants, so ties in lastAccessTime (and the progressDetails tie-break) are exercised.
        Arbitrary<Instant> at = Arbitraries.integers().between(0, 5).map(h -> BASE.plusSeconds(3600L * h)).injectNull(0.2);
        Arbitrary<String> details = Arbitraries.of("{\"pos\":10}", "{\"pos\":20}", "{\"pos\":30}").injectNull(0.4);
        return Combinators.combine(requestIds, status, progress, at, details)
                .as((r, s, p, t, d) -> new ContentUpdate(r, "do_1", s, p, t, d));
    }
}
