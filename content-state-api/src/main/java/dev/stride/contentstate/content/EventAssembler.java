package dev.stride.contentstate.content;

import dev.stride.core.content.ContentState;
import dev.stride.core.event.ContentStateEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

/** Builds a request's event with the merged states of the contents it touched, read back from the facts. */
@Component
public class EventAssembler {

    private final ContentFactRepository facts;

    public EventAssembler(ContentFactRepository facts) {
        this.facts = facts;
    }

    public Mono<ContentStateEvent> assemble(PendingEvent p) {
        return facts.states(p.key(), p.contentIds()).map(states -> {
            List<ContentState> touched = p.contentIds().stream().distinct().map(states::get).filter(Objects::nonNull).toList();
            return ContentStateEvent.of(p.tenantId(), p.userId(), p.courseId(), p.batchId(), p.requestId(), touched,
                    p.assessments(), p.eventTime(), p.ingestTime());
        });
    }
}
