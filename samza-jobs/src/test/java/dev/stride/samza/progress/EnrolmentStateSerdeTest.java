package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.content.RequestCounter;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.stride.samza.progress.Fixtures.T0;
import static dev.stride.samza.progress.Fixtures.attempt;
import static dev.stride.samza.progress.Fixtures.content;
import static dev.stride.samza.progress.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The enrolment-state store's binary form round-trips, and states written as JSON by an older job still read. */
class EnrolmentStateSerdeTest {

    private final EnrolmentStateSerde serde = new EnrolmentStateSerde();

    private static EnrolmentState stepped(List<ContentStateEvent> events) {
        EnrolmentState s = EnrolmentState.empty("t1", "u1", "c1", "b1");
        for (ContentStateEvent e : events) {
            s = s.absorb(e);
        }
        return Aggregation.step(s, tree(), T0, 25).state();
    }

    @Test
    void aComputedStateRoundTripsAndIsSmallerThanItsJson() {
        EnrolmentState s = stepped(List.of(content("u1", "a", 2, 1), content("u1", "b", 1, 2), attempt("u1", "x", 7, 3),
                attempt("u1", "y", 9, 4)));
        byte[] binary = serde.toBytes(s);

        assertThat(binary[0]).isEqualTo(EnrolmentStateSerde.FORMAT);
        assertThat(serde.fromBytes(binary)).isEqualTo(s);
        assertThat(binary.length).isLessThan(Json.writeBytes(s).length);
    }

    @Test
    void everyFieldSurvivesIncludingNullsCountersAndLongText() {
        String details = "{\"duration\": 12, \"pad\": \"" + "é".repeat(40_000) + "\"}"; // > 64 KiB of UTF-8
        ContentState c = new ContentState("a", 1, 40, T0, null, details, T0.plusSeconds(1),
                new RequestCounter(3, List.of(-5L, 7L, 11L)), RequestCounter.ofBase(2));
        ContentState bare = new ContentState("b", 0, 0, null, null, null, null, null, null);
        EnrolmentState s = new EnrolmentState("t1", "u1", "c1", "b1", Map.of("a", c, "b", bare),
                List.of(new StoredAttempt("q", "x", T0, 7.5, 10, 30.25)), null, T0.plusNanos(123_456_789), true, 42,
                null, Map.of("completedCount", new MetricValue(1.0, T0), "score:q", new MetricValue(-0.0, null)));

        assertThat(serde.fromBytes(serde.toBytes(s))).isEqualTo(s);
        assertThat(serde.fromBytes(serde.toBytes(EnrolmentState.empty("t", "u", "c", "b"))))
                .isEqualTo(EnrolmentState.empty("t", "u", "c", "b"));
        assertThat(serde.toBytes(null)).isNull();
        assertThat(serde.fromBytes(null)).isNull();
    }

    @Test
    void aStateWrittenAsJsonByAnOlderJobStillReads() {
        EnrolmentState s = stepped(List.of(content("u1", "a", 2, 1), attempt("u1", "x", 7, 3)));
        byte[] legacy = new JsonSerde<>(EnrolmentState.class).toBytes(s); // what the changelog holds from before

        assertThat(legacy[0]).isEqualTo((byte) '{');
        assertThat(serde.fromBytes(legacy)).isEqualTo(s);
        // the exact JSON text an older job wrote (fields as the record had them then)
        String older = new String(legacy, StandardCharsets.UTF_8);
        assertThat(serde.fromBytes(older.getBytes(StandardCharsets.UTF_8)).contents()).isEqualTo(s.contents());
    }

    @Test
    void anUnknownFormatOrTruncatedValueFailsLoudly() {
        byte[] binary = serde.toBytes(stepped(List.of(content("u1", "a", 2, 1))));
        byte[] unknown = binary.clone();
        unknown[0] = 9;
        assertThatThrownBy(() -> serde.fromBytes(unknown)).hasMessageContaining("format 9");
        assertThatThrownBy(() -> serde.fromBytes(java.util.Arrays.copyOf(binary, binary.length - 3)))
                .hasMessageContaining("truncated");
    }

    @Property(tries = 200)
    void anyFoldedStateRoundTrips(@ForAll @IntRange(min = 1, max = 30) int events, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<ContentStateEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(random.nextBoolean()
                    ? content("u1", List.of("a", "b", "q", "o", "x").get(random.nextInt(5)), random.nextInt(3),
                    random.nextInt(500))
                    : attempt("u1", "a" + random.nextInt(6), random.nextInt(11), random.nextInt(500)));
        }
        EnrolmentState s = stepped(list);

        assertThat(serde.fromBytes(serde.toBytes(s))).isEqualTo(s);
        assertThat(serde.fromBytes(Json.writeBytes(s))).isEqualTo(s);
    }

    @Test
    void aStatesMapsAreReadOnlyAndEqualToPlainMaps() {
        EnrolmentState s = stepped(List.of(content("u1", "a", 2, 1), content("u1", "b", 1, 2)));
        EnrolmentState absorbed = s.absorb(content("u1", "c", 2, 3));

        assertThat(absorbed.contents()).containsOnlyKeys("a", "b", "c").isEqualTo(new java.util.HashMap<>(
                absorbed.contents())).hasSameHashCodeAs(new java.util.HashMap<>(absorbed.contents()));
        assertThat(s.contents()).containsOnlyKeys("a", "b"); // absorbing copied, never changed the earlier state
        assertThatThrownBy(() -> absorbed.contents().put("d", absorbed.contents().get("a")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> absorbed.metrics().entrySet().iterator().next().setValue(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> absorbed.contents().keySet().remove("a"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
