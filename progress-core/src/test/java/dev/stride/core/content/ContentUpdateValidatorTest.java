package dev.stride.core.content;

import dev.stride.core.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentUpdateValidatorTest {

    private static final Instant NOW = Instant.parse("2020-11-23T13:00:00Z");

    private static ContentUpdateInput valid() {
        return new ContentUpdateInput("do_1131", "do_course", "0131", 2, null, "2020-11-23 12:58:35:179+0000", null);
    }

    @Test
    void acceptsASunbirdRequestElement() {
        assertThat(ContentUpdateValidator.validate(List.of(valid()), NOW)).isEmpty();
        assertThat(ContentUpdateValidator.validate(List.of(
                new ContentUpdateInput("do_1", "c", "b", 1, 50, null, "{\"x\":1}")), NOW)).isEmpty();
    }

    @Test
    void namesTheFieldAndTheRule() {
        List<ContentUpdateInput> contents = List.of(valid(), valid(), valid(),
                new ContentUpdateInput(" ", "c", "b", 3, 101, "yesterday", null));

        assertThat(ContentUpdateValidator.validate(contents, NOW)).containsExactly(
                new FieldError("request.contents[3].contentId", "must not be blank"),
                new FieldError("request.contents[3].status", "must be 0, 1 or 2"),
                new FieldError("request.contents[3].progress", "must be between 0 and 100"),
                new FieldError("request.contents[3].lastAccessTime",
                        "must be a timestamp like 2020-11-23 12:58:35:179+0000, ISO-8601 or epoch milliseconds"));
    }

    @Test
    void requiresStatusCourseAndBatch() {
        List<FieldError> errors = ContentUpdateValidator.validate(
                List.of(new ContentUpdateInput("do_1", null, "bad id", null, null, null, null)), NOW);
        assertThat(errors).extracting(FieldError::field).containsExactly(
                "request.contents[0].courseId", "request.contents[0].batchId", "request.contents[0].status");
        assertThat(errors.get(0).message()).isEqualTo("request.contents[0].courseId is required");
    }

    @Test
    void rejectsFarFutureTimesBecauseTheyWouldStick() {
        ContentUpdateInput future = new ContentUpdateInput("do_1", "c", "b", 1, null, "2030-01-01T00:00:00Z", null);
        assertThat(ContentUpdateValidator.validate(List.of(future), NOW))
                .containsExactly(new FieldError("request.contents[0].lastAccessTime", "must not be more than 1 day in the future"));
    }

    @Test
    void rejectsEmptyOrNullElements() {
        assertThat(ContentUpdateValidator.validate(List.of(), NOW))
                .containsExactly(new FieldError("request.contents", "must contain at least one content"));
        assertThat(ContentUpdateValidator.validate(Arrays.asList(valid(), null), NOW))
                .containsExactly(new FieldError("request.contents[1]", "must be an object"));
    }

    @Test
    void toUpdateParsesTheTimeOrUsesTheArrival() {
        ContentUpdate u = valid().toUpdate("req-1", NOW);
        assertThat(u.lastAccessTime()).isEqualTo(Instant.parse("2020-11-23T12:58:35.179Z"));
        assertThat(u.requestId()).isEqualTo("req-1");

        ContentUpdate noTime = new ContentUpdateInput("do_1", "c", "b", 1, null, null, null).toUpdate("req-2", NOW);
        assertThat(noTime.lastAccessTime()).isEqualTo(NOW);

        assertThatThrownBy(() -> new ContentUpdateInput("do_1", "c", "b", 1, null, "x", null).toUpdate("r", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
