package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.stride.samza.progress.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming reader gives exactly what the data binder gives, for the canonical form and for anything else. */
class ContentStateReaderTest {

    private static EnrolmentInput bound(byte[] json) {
        return EnrolmentInput.of(Json.read(json, ContentStateEvent.class));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 300)
    void anEventTheApiWritesReadsAsTheBinderReadsIt(@ForAll @IntRange(min = 0, max = 2) int status,
                                                    @ForAll @LongRange(min = 0, max = 4_000_000_000L) long second,
                                                    @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                    @ForAll boolean withAttempt, @ForAll boolean withDetails) {
        Instant at = Instant.ofEpochSecond(second, nanos);
        ContentState s = new ContentState("do_1", status, status == 2 ? 100 : 30, 3, status == 2 ? 1 : 0, at,
                status == 2 ? at : null, withDetails ? "{\"duration\": 12.5, \"x\": [1, {\"y\": null}]}" : null);
        List<ContentStateEvent.Attempt> attempts = withAttempt ? List.of(ContentStateEvent.Attempt.of("qz", "a1",
                (second % 2 == 0) ? at : null, List.of(
                        new ContentStateEvent.Question("q1", "Title", "mcq", 10, 7, 20.5, at,
                                Json.MAPPER.readTree("[{\"1\": \"x\"}]"), Map.of("hint", List.of(1, 2))),
                        new ContentStateEvent.Question("q2", null, "mcq", 5, 5, null, null, null, Map.of()))))
                : List.of();
        ContentStateEvent e = ContentStateEvent.of("tenant1", "user1", "course1", "batch1", "r1", List.of(s),
                attempts, at, at.plusMillis(3));
        byte[] json = Json.writeBytes(e);

        assertThat(ContentStateReader.read(json)).isEqualTo(bound(json));
    }

    @Property(tries = 500)
    void canonicalInstantsParseAsIsoInstant(@ForAll @LongRange(min = -62_000_000_000L, max = 253_000_000_000L) long s,
                                            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant t = Instant.ofEpochSecond(s, nanos);
        String text = t.toString();
        if (text.length() >= 20 && Character.isDigit(text.charAt(0))) { // 4-digit years: the canonical form
            assertThat(ContentStateReader.parseInstant(text)).isEqualTo(t);
        }
    }

    @Test
    void unusualButValidFormsFallBackToTheBinder() {
        String[] forms = {
                // an offset instead of Z, a number as text, a float status, unknown fields and nulls, field order
                "{\"tenantId\":\"t\",\"userId\":\"u\",\"courseId\":\"c\",\"batchId\":\"b\",\"eventTime\":\"2026-01-01T10:00:00+01:00\","
                        + "\"contents\":[{\"contentId\":\"a\",\"status\":\"2\",\"progress\":100}]}",
                "{\"contents\":[{\"contentId\":\"a\",\"status\":1.0,\"progress\":null,\"lastAccessTime\":\"2026-01-01T10:00:00.5Z\"}],"
                        + "\"tenantId\":\"t\",\"userId\":\"u\",\"courseId\":\"c\",\"batchId\":\"b\",\"new\":{\"x\":[1]},"
                        + "\"assessments\":null,\"ingestTime\":1767261600}",
                "{\"tenantId\":\"t\",\"userId\":\"u\",\"courseId\":\"c\",\"batchId\":\"b\",\"eventTime\":\"2026-01-01T10:00:00Z\","
                        + "\"assessments\":[{\"contentId\":\"q\",\"attemptId\":\"x\",\"totalScore\":\"4.5\",\"totalMaxScore\":5,"
                        + "\"questions\":[{\"id\":\"q1\",\"duration\":3},{\"id\":\"q2\"}]}]}",
        };
        for (String form : forms) {
            assertThat(ContentStateReader.read(bytes(form))).as(form).isEqualTo(bound(bytes(form)));
        }
        assertThat(ContentStateReader.read(bytes(forms[2])).attempts().get(0).assessmentTs()).isEqualTo(T0);
    }

    @Test
    void whatTheBinderRejectsIsRejected() {
        String[] bad = {
                "{\"tenantId\":\"t\",\"contents\":[{\"contentId\":\"a\",\"status\":7}]}", // status out of range
                "{\"tenantId\":\"t\",\"contents\":[{\"status\":1}]}", // no contentId
                "{\"tenantId\":\"t\",\"assessments\":[{\"contentId\":\"q\",\"attemptId\":\"x\",\"questions\":[{\"duration\":1}]}]}",
                "{\"tenantId\":\"t\",\"eventTime\":\"2026-02-30T10:00:00Z\"}", // no such day
                "{\"tenantId\":", // truncated
                "[]",
        };
        for (String b : bad) {
            assertThatThrownBy(() -> ContentStateReader.read(bytes(b))).as(b)
                    .isInstanceOfAny(JacksonException.class, IllegalArgumentException.class, NullPointerException.class);
        }
    }
}
