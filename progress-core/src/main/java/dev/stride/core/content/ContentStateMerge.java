package dev.stride.core.content;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Sunbird-compatible content-state merge, written as a join-semilattice so that concurrent writers converge.
 *
 * <p>{@code apply(current, update) == merge(current, of(update))}: an update becomes a one-request state and is
 * joined with the stored one. Because {@link #merge} is commutative, associative and idempotent, folding any
 * permutation of any duplication of a set of updates gives the same state: a redelivered request changes nothing,
 * and two API instances doing read-merge-write (with a conditional retry) lose nothing.
 *
 * <ul>
 *   <li>status: max (never goes down); progress: max, and status 2 forces 100;</li>
 *   <li>lastAccessTime, lastCompletedTime: the later (an update with status 2 completes at its lastAccessTime);</li>
 *   <li>progressDetails: last writer wins by (its update's lastAccessTime, then the lexicographically greater text);</li>
 *   <li>viewCount / completedCount: distinct request ids (all / with status 2), see {@link RequestCounter}.</li>
 * </ul>
 */
public final class ContentStateMerge {

    private static final Comparator<Instant> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<String> TEXT_NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private ContentStateMerge() {
    }

    /** Applies an update to the stored state (null when the learner never touched the content); system clock. */
    public static ContentState apply(ContentState current, ContentUpdate update) {
        return apply(current, update, Clock.systemUTC());
    }

    /** As {@link #apply(ContentState, ContentUpdate)}; {@code clock} stands in for a missing lastAccessTime. */
    public static ContentState apply(ContentState current, ContentUpdate update, Clock clock) {
        ContentState single = of(update, clock);
        return current == null ? single : merge(current, single);
    }

    /** The state a single update alone produces. */
    public static ContentState of(ContentUpdate update, Clock clock) {
        Objects.requireNonNull(update, "update");
        Instant at = update.lastAccessTime() != null ? update.lastAccessTime() : clock.instant();
        boolean completed = update.status() == ContentStatus.COMPLETED;
        RequestCounter request = RequestCounter.ofRequest(update.requestId());
        return new ContentState(
                update.contentId(),
                update.status(),
                update.progress() == null ? 0 : update.progress(),
                at,
                completed ? at : null,
                update.progressDetails(),
                update.progressDetails() == null ? null : at,
                request,
                completed ? request : RequestCounter.empty());
    }

    /** Joins two states of the same content. Commutative, associative, idempotent. */
    public static ContentState merge(ContentState a, ContentState b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (!a.contentId().equals(b.contentId())) {
            throw new IllegalArgumentException("cannot merge states of different contents: "
                    + a.contentId() + " and " + b.contentId());
        }
        boolean aDetailsWin = compareDetails(a, b) >= 0;
        ContentState details = aDetailsWin ? a : b;
        return new ContentState(
                a.contentId(),
                Math.max(a.status(), b.status()),
                Math.max(a.progress(), b.progress()),
                later(a.lastAccessTime(), b.lastAccessTime()),
                later(a.lastCompletedTime(), b.lastCompletedTime()),
                details.progressDetails(),
                details.progressDetailsTime(),
                a.views().merge(b.views()),
                a.completions().merge(b.completions()));
    }

    private static int compareDetails(ContentState a, ContentState b) {
        int byTime = NULLS_FIRST.compare(a.progressDetailsTime(), b.progressDetailsTime());
        return byTime != 0 ? byTime : TEXT_NULLS_FIRST.compare(a.progressDetails(), b.progressDetails());
    }

    private static Instant later(Instant a, Instant b) {
        return NULLS_FIRST.compare(a, b) >= 0 ? a : b;
    }
}
