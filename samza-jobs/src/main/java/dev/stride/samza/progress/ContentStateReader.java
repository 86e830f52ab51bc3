package dev.stride.samza.progress;

import dev.stride.core.content.ContentState;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a content-state event's JSON straight into an {@link EnrolmentInput} with one streaming pass: no tree, no
 * bean binding, ISO instants parsed by hand. Reading the event with the data binder cost about half of the run loop's
 * time (profiled). Only the canonical form the API writes is read this way; anything else (a number as text, an instant
 * with an offset, a field of an unexpected type) falls back to the data binder for the whole event, so both paths
 * accept and reject exactly the same events for every field the aggregator uses. Fields it does not use (question
 * texts, responses, unknown fields) are skipped.
 */
final class ContentStateReader {

    /** The fast path met something outside the canonical form: the data binder decides. */
    private static final class NotCanonical extends RuntimeException {
        NotCanonical() {
            super(null, null, false, false);
        }
    }

    private static final NotCanonical NOT_CANONICAL = new NotCanonical();

    private ContentStateReader() {
    }

    /** @throws tools.jackson.core.JacksonException, IllegalArgumentException, NullPointerException as the binder does */
    static EnrolmentInput read(byte[] json) {
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            return readEvent(p);
        } catch (NotCanonical e) {
            return EnrolmentInput.of(Json.read(json, ContentStateEvent.class));
        }
    }

    private record RawAttempt(String contentId, String attemptId, Instant assessmentTs, double totalScore,
                              double totalMaxScore, double durationSeconds) {
    }

    private static EnrolmentInput readEvent(JsonParser p) {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String tenant = null;
        String user = null;
        String course = null;
        String batch = null;
        Instant eventTime = null;
        Instant ingestTime = null;
        List<ContentState> contents = List.of();
        List<RawAttempt> attempts = List.of();
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "tenantId" -> tenant = string(p, t);
                case "userId" -> user = string(p, t);
                case "courseId" -> course = string(p, t);
                case "batchId" -> batch = string(p, t);
                case "eventTime" -> eventTime = instant(p, t);
                case "ingestTime" -> ingestTime = instant(p, t);
                case "contents" -> contents = contents(p, t);
                case "assessments" -> attempts = attempts(p, t);
                default -> p.skipChildren();
            }
        }
        expect(p.currentToken(), JsonToken.END_OBJECT);
        if (p.nextToken() != null) {
            throw NOT_CANONICAL; // trailing content: the binder's rules apply
        }
        Instant fallbackTs = eventTime != null ? eventTime : ingestTime; // as StoredAttempt.of is given it
        List<StoredAttempt> stored = new ArrayList<>(attempts.size());
        for (RawAttempt a : attempts) {
            stored.add(new StoredAttempt(a.contentId(), a.attemptId(),
                    a.assessmentTs() != null ? a.assessmentTs() : fallbackTs, a.totalScore(), a.totalMaxScore(),
                    a.durationSeconds()));
        }
        return new EnrolmentInput(tenant, user, course, batch, eventTime, ingestTime, contents, stored);
    }

    private static List<ContentState> contents(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(t, JsonToken.START_ARRAY);
        List<ContentState> out = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT);
            String contentId = null;
            int status = 0;
            int progress = 0;
            int viewCount = 0;
            int completedCount = 0;
            Instant lastAccess = null;
            Instant lastCompleted = null;
            String details = null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "contentId" -> contentId = string(p, v);
                    case "status" -> status = integer(p, v);
                    case "progress" -> progress = integer(p, v);
                    case "viewCount" -> viewCount = integer(p, v);
                    case "completedCount" -> completedCount = integer(p, v);
                    case "lastAccessTime" -> lastAccess = instant(p, v);
                    case "lastCompletedTime" -> lastCompleted = instant(p, v);
                    case "progressDetails" -> details = string(p, v);
                    default -> p.skipChildren();
                }
            }
            out.add(new ContentState(contentId, status, progress, viewCount, completedCount, lastAccess, lastCompleted,
                    details));
        }
        return out;
    }

    private static List<RawAttempt> attempts(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(t, JsonToken.START_ARRAY);
        List<RawAttempt> out = new ArrayList<>(1);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT);
            String contentId = null;
            String attemptId = null;
            Instant ts = null;
            double score = 0;
            double max = 0;
            double seconds = 0;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "contentId" -> contentId = string(p, v);
                    case "attemptId" -> attemptId = string(p, v);
                    case "assessmentTs" -> ts = instant(p, v);
                    case "totalScore" -> score = decimal(p, v);
                    case "totalMaxScore" -> max = decimal(p, v);
                    case "questions" -> seconds = questionSeconds(p, v);
                    default -> p.skipChildren();
                }
            }
            out.add(new RawAttempt(contentId, attemptId, ts, score, max, seconds));
        }
        return out;
    }

    /** Sum of the questions' durations (absent ones count 0), as {@link StoredAttempt#of} adds them. */
    private static double questionSeconds(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        expect(t, JsonToken.START_ARRAY);
        double sum = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p.currentToken(), JsonToken.START_OBJECT);
            boolean hasId = false;
            double duration = 0;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> hasId = string(p, v) != null;
                    case "duration" -> duration = v == JsonToken.VALUE_NULL ? 0 : decimal(p, v);
                    default -> p.skipChildren();
                }
            }
            if (!hasId) {
                throw NOT_CANONICAL; // the binder rejects a question without id
            }
            sum += duration;
        }
        return sum;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw NOT_CANONICAL;
        }
    }

    private static String string(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        return p.getString();
    }

    private static int integer(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return 0; // FAIL_ON_NULL_FOR_PRIMITIVES is off
        }
        expect(t, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_CANONICAL;
        }
        return p.getIntValue();
    }

    private static double decimal(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw NOT_CANONICAL;
        }
        return p.getDoubleValue();
    }

    private static Instant instant(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.VALUE_STRING);
        return parseInstant(p.getString());
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, the form ISO_INSTANT writes; anything else is {@link NotCanonical}.
     * Package-private for its test.
     */
    static Instant parseInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            throw NOT_CANONICAL;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                throw NOT_CANONICAL;
            }
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth() || hour > 23
                || minute > 59 || second > 59) {
            throw NOT_CANONICAL;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw NOT_CANONICAL;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
