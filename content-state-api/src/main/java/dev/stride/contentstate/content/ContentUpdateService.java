package dev.stride.contentstate.content;

import dev.stride.contentstate.batch.Batch;
import dev.stride.contentstate.batch.BatchRepository;
import dev.stride.contentstate.config.StrideProperties;
import dev.stride.contentstate.course.CourseStructureRepository;
import dev.stride.contentstate.enrolment.UserEnrolmentRepository;
import dev.stride.contentstate.kafka.EventPublisher;
import dev.stride.core.content.SunbirdTimestamps;
import dev.stride.core.event.ContentStateEvent;
import dev.stride.core.event.Json;
import dev.stride.core.ids.Ids;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The write path of {@code PATCH /v1/content/state/update}: (1) the enrolment reads and, beside them, the outbox rows of
 * what the cached checks (batch, course tree) accept, then the verdicts; (2) fact + history + attempt rows and the
 * enrolment's last-read fields (EnrolmentWrites: two round trips); (3) merged states read back; (4) one event per
 * enrolment touched; (5) outbox rows handed to OutboxDeletes, which deletes them in coalesced batches: published rows,
 * and the rows of groups found not enrolled. No read-modify-write, no lightweight transaction.
 * <p>
 * The outbox insert is speculative so that it is not a round trip of its own: a row whose group is then refused never
 * gets a history row, and the relay drops such rows unpublished (OutboxRelay), so a crash before its delete publishes
 * nothing.
 */
@Service
public class ContentUpdateService {

    public static final String SUCCESS = "SUCCESS";
    public static final String BATCH_NOT_EXISTS = "BATCH_NOT_EXISTS";
    public static final String NOT_ONGOING = "NOT_A_ON_GOING_BATCH";
    public static final String NOT_ENROLLED = "NOT_ENROLLED";
    public static final String NOT_IN_COURSE = "CONTENT_NOT_IN_COURSE";

    private final BatchRepository batches;
    private final CourseStructureRepository courses;
    private final UserEnrolmentRepository byUser;
    private final EnrolmentWrites writes;
    private final OutboxRepository outbox;
    private final OutboxDeletes outboxDeletes;
    private final EventAssembler assembler;
    private final EventPublisher publisher;
    private final StrideProperties props;

    public ContentUpdateService(BatchRepository batches, CourseStructureRepository courses,
                                UserEnrolmentRepository byUser, EnrolmentWrites writes, OutboxRepository outbox,
                                OutboxDeletes outboxDeletes, EventAssembler assembler, EventPublisher publisher,
                                StrideProperties props) {
        this.batches = batches;
        this.courses = courses;
        this.byUser = byUser;
        this.writes = writes;
        this.outbox = outbox;
        this.outboxDeletes = outboxDeletes;
        this.assembler = assembler;
        this.publisher = publisher;
        this.props = props;
    }

    /** Throws 400 naming the fields; called before anything is written. */
    public void validate(UpdateRequest req, Instant now) {
        UpdateValidation.check(req, props.content().maxContentsPerRequest(), now);
    }

    /** Answers contentId → verdict; only SUCCESS contents are written. */
    public Mono<Map<String, String>> update(String tenant, UpdateRequest req, Instant receivedAt) {
        Map<EnrolmentKey, Group> groups = new LinkedHashMap<>();
        for (UpdateRequest.Content c : req.contents()) {
            group(groups, tenant, req.userId(), c.courseId(), c.batchId()).contents.add(c);
        }
        for (UpdateRequest.Assessment a : req.assessments() == null ? List.<UpdateRequest.Assessment>of() : req.assessments()) {
            group(groups, tenant, req.userId(), a.courseId(), a.batchId()).assessments.add(a);
        }
        List<Group> all = List.copyOf(groups.values());
        String topic = props.kafka().contentStateTopic();
        Mono<Void> enrolments = Flux.fromIterable(all).flatMap(this::readEnrolment).then();
        Mono<List<OutboxRepository.Row>> speculative = Flux.fromIterable(all).flatMap(this::readCached)
                .then(Mono.fromSupplier(() -> {
                    Instant insertedAt = Instant.now();
                    all.forEach(g -> g.speculate(receivedAt, topic, insertedAt));
                    return all.stream().map(g -> g.row).filter(Objects::nonNull).toList();
                }))
                .flatMap(rows -> rows.isEmpty() ? Mono.just(rows) : outbox.insertAll(rows).thenReturn(rows));
        Map<String, String> verdicts = new LinkedHashMap<>();
        return Mono.zip(enrolments.thenReturn(true), speculative)
                .flatMap(ready -> {
                    List<Group> accepted = new ArrayList<>();
                    for (Group g : all) {
                        g.judge();
                        verdicts.putAll(g.verdicts);
                        if (g.row != null && g.enrolled) {
                            accepted.add(g);
                        } else if (g.row != null) {
                            outboxDeletes.deleteLater(g.row);
                        }
                    }
                    return accepted.isEmpty() ? Mono.empty() : write(accepted, topic);
                })
                .thenReturn(verdicts);
    }

    private static Group group(Map<EnrolmentKey, Group> groups, String tenant, String userId, String courseId, String batchId) {
        return groups.computeIfAbsent(new EnrolmentKey(tenant, userId, courseId, batchId), Group::new);
    }

    /** The enrolment's `active` cell: never cached, an unenrolment takes effect at once. */
    private Mono<Boolean> readEnrolment(Group g) {
        EnrolmentKey k = g.key;
        return byUser.isActive(k.tenant(), k.userId(), k.courseId(), k.batchId()).doOnNext(active -> g.enrolled = active);
    }

    /** The batch and the course tree's leaves, in parallel; both come from near caches on the hot path. */
    private Mono<Group> readCached(Group g) {
        EnrolmentKey k = g.key;
        return Mono.zip(
                batches.find(k.tenant(), k.batchId()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                courses.summary(k.tenant(), k.courseId()).map(s -> s.leafIds()).defaultIfEmpty(Set.of()))
                .map(t -> {
                    g.batch = t.getT1().filter(b -> b.courseId().equals(k.courseId())).orElse(null);
                    g.leaves = t.getT2();
                    return g;
                });
    }

    private Mono<Void> write(List<Group> accepted, String topic) {
        return Flux.fromIterable(accepted).flatMap(this::store).then()
                .then(Flux.fromIterable(accepted).concatMap(g -> assembler.assemble(g.accepted.pending)
                        .flatMap(event -> publisher.publish(topic, g.row.key(), Json.writeBytes(event)))
                        .doOnSuccess(published -> outboxDeletes.deleteLater(g.row))).then());
    }

    private Mono<Void> store(Group g) {
        Accepted a = g.accepted;
        Fact last = a.facts.stream().max(Comparator.comparing(Fact::lastAccessTime).thenComparingInt(Fact::status)).orElseThrow();
        var read = new UserEnrolmentRepository.LastRead(last.contentId(), last.status(), last.lastAccessTime());
        return writes.write(a.pending, a.facts, a.inputs.values(), read);
    }

    /** One enrolment's part of the request, and its verdicts. */
    private static final class Group {
        final EnrolmentKey key;
        final List<UpdateRequest.Content> contents = new ArrayList<>();
        final List<UpdateRequest.Assessment> assessments = new ArrayList<>();
        final Map<String, String> verdicts = new LinkedHashMap<>();
        Batch batch;
        volatile boolean enrolled;
        Set<String> leaves;
        /** What the group writes if its enrolment is active, and its outbox row; null when nothing would be. */
        Accepted accepted;
        OutboxRepository.Row row;

        Group(EnrolmentKey key) {
            this.key = key;
        }

        /** Judges as if enrolled, and keeps what that accepts with its outbox row (the enrolment read runs beside). */
        void speculate(Instant receivedAt, String topic, Instant insertedAt) {
            judge(true);
            accepted = accept(receivedAt).orElse(null);
            row = accepted == null ? null
                    : OutboxRepository.row(accepted.pending, topic, accepted.pending.key().kafkaKey(), insertedAt);
        }

        void judge() {
            judge(enrolled);
        }

        private void judge(boolean enrolled) {
            String groupVerdict = groupVerdict(enrolled);
            for (UpdateRequest.Content c : contents) {
                verdicts.put(c.contentId(), groupVerdict != null ? groupVerdict
                        : leaves.contains(c.contentId()) ? SUCCESS : NOT_IN_COURSE);
            }
        }

        private String groupVerdict(boolean enrolled) {
            if (batch == null) {
                return BATCH_NOT_EXISTS;
            }
            if (batch.status(LocalDate.now(ZoneOffset.UTC)) != Batch.ONGOING) {
                return NOT_ONGOING;
            }
            return enrolled ? null : NOT_ENROLLED;
        }

        /** The accepted facts and attempts as one pending event, or empty when nothing of this group is accepted. */
        Optional<Accepted> accept(Instant receivedAt) {
            Map<String, Fact> accepted = new LinkedHashMap<>();
            Map<String, UpdateRequest.Content> inputs = new LinkedHashMap<>();
            for (UpdateRequest.Content c : contents) {
                if (SUCCESS.equals(verdicts.get(c.contentId()))) {
                    var in = c.toInput();
                    Instant sent = SunbirdTimestamps.parse(in.lastAccessTime()).orElse(null);
                    Fact f = Fact.of(key, c.contentId(), c.status(), c.progress(), sent, receivedAt, in.progressDetails());
                    accepted.put(f.requestId(), f);
                    inputs.put(f.requestId(), c);
                }
            }
            if (accepted.isEmpty()) {
                return Optional.empty(); // assessments ride with accepted contents only
            }
            List<ContentStateEvent.Attempt> attemptList = assessments.stream()
                    .filter(a -> leaves.contains(a.contentId()))
                    .map(a -> ContentStateEvent.Attempt.of(a.contentId(), a.attemptId(),
                            SunbirdTimestamps.parse(a.assessmentTs()).orElseThrow(),
                            a.events() == null ? List.of() : a.events().stream().map(UpdateRequest.AssessEvent::toQuestion).toList()))
                    .toList();
            List<String> parts = new ArrayList<>(accepted.keySet());
            attemptList.forEach(at -> parts.add(at.contentId() + "/" + at.attemptId()));
            parts.sort(null);
            String requestId = Ids.nameBased(parts.toArray(String[]::new));
            Instant eventTime = accepted.values().stream().map(Fact::lastAccessTime).max(Comparator.naturalOrder()).orElseThrow();
            List<Fact> factList = List.copyOf(accepted.values());
            PendingEvent pending = new PendingEvent(key.tenant(), key.userId(), key.courseId(), key.batchId(), requestId,
                    factList.stream().map(Fact::contentId).distinct().toList(), attemptList, eventTime, receivedAt);
            return Optional.of(new Accepted(pending, factList, inputs));
        }
    }

    private record Accepted(PendingEvent pending, List<Fact> facts, Map<String, UpdateRequest.Content> inputs) {
    }
}
