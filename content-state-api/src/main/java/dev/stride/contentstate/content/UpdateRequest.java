package dev.stride.contentstate.content;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.stride.core.content.ContentUpdateInput;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** {@code request} of {@code PATCH /v1/content/state/update} as Sunbird clients send it. */
public record UpdateRequest(String userId, List<Content> contents, List<Assessment> assessments) {

    public record Content(String contentId, String courseId, String batchId, Integer status, Integer progress,
                          String lastAccessTime, @JsonAlias("progressDetails") JsonNode progressdetails) {

        public ContentUpdateInput toInput() {
            return new ContentUpdateInput(contentId, courseId, batchId, status, progress, lastAccessTime,
                    progressdetails == null || progressdetails.isNull() ? null : Json.write(progressdetails));
        }
    }

    /** @param assessmentTs epoch milliseconds (as Sunbird sends it) or any form SunbirdTimestamps accepts */
    public record Assessment(String contentId, String courseId, String batchId, String attemptId, String assessmentTs,
                             List<AssessEvent> events) {
    }

    /** A telemetry ASSESS event: {@code ets} its time in epoch ms, {@code edata} the answered question. */
    public record AssessEvent(String eid, Long ets, Edata edata) {

        ContentStateEvent.Question toQuestion() {
            Item item = edata.item();
            return new ContentStateEvent.Question(item.id(), item.title(), item.type(),
                    item.maxscore() == null ? 0 : item.maxscore(), edata.score() == null ? 0 : edata.score(),
                    edata.duration(), ets == null ? null : Instant.ofEpochMilli(ets), edata.resvalues(), java.util.Map.of());
        }
    }

    public record Edata(Item item, Double score, Double duration, JsonNode resvalues) {
    }

    public record Item(String id, Double maxscore, String title, String type) {
    }
}
