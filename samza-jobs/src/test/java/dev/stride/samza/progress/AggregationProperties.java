package dev.stride.samza.progress;

import dev.stride.core.event.ContentStateEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.stride.samza.progress.Fixtures.T0;
import static dev.stride.samza.progress.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate of an enrolment depends on the set of its events, not on their order or duplication. */
class AggregationProperties {

    @Property(tries = 300)
    void anyOrderAndDuplicationGivesTheSameAggregate(@ForAll("events") List<ContentStateEvent> events,
                                                     @ForAll long seed) {
        List<ContentStateEvent> shuffled = new ArrayList<>(events);
        Random random = new Random(seed);
        for (int i = 0; i < events.size() / 2; i++) {
            shuffled.add(events.get(random.nextInt(events.size()))); // duplicates
        }
        Collections.shuffle(shuffled, random);

        EnrolmentState a = fold(events);
        EnrolmentState b = fold(shuffled);
        assertThat(b).isEqualTo(a);
        assertThat(Aggregation.step(b, tree(), T0, 3).progress()).isEqualTo(Aggregation.step(a, tree(), T0, 3).progress());
    }

    private static EnrolmentState fold(List<ContentStateEvent> events) {
        EnrolmentState s = EnrolmentState.empty("t1", "u1", "c1", "b1");
        for (ContentStateEvent e : events) {
            s = s.absorb(e);
        }
        return s;
    }

    @Provide
    Arbitrary<List<ContentStateEvent>> events() {
        Arbitrary<ContentStateEvent> content = Combinators.combine(
                        Arbitraries.of("a", "b", "q", "o", "x"), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 500))
                .as((id, status, second) -> Fixtures.content("u1", id, status, second));
        Arbitrary<ContentStateEvent> attempt = Combinators.combine(
                        Arbitraries.of("a1", "a2", "a3", "a4", "a5"), Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 500))
                .as((id, score, second) -> Fixtures.attempt("u1", id, score, second));
        return Arbitraries.oneOf(content, attempt).list().ofMinSize(1).ofMaxSize(25);
    }
}
