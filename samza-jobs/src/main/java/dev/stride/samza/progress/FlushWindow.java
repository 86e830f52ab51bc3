package dev.stride.samza.progress;

/**
 * How long a task lets its dirty enrolments coalesce before it flushes them (lag-adaptive coalescing, pure logic).
 *
 * <p>The input lag is how long before its absorption the last content-state event was appended to Kafka (the record's
 * timestamp, which the producer sets from its clock). Below {@code backlogMillis} (caught up, or a loaded machine's
 * hiccup) a task flushes at every window tick, as it always did, so a live aggregate is written within ~{@code base} of
 * its event. From {@code backlogMillis} on (a backlog: an outage, a restart, a replay), the window grows to
 * {@code lagShare} × the lag, at least base and at most {@code max}: the lag is already there, so writing each
 * enrolment once for many of its events delays its rows by at most that share more, and a backlog drains with far fewer
 * rows (each flush computes and writes an enrolment once however many of its events it absorbed). Two ticks in a row
 * with nothing absorbed mean the input is drained (one alone may be a slow fetch mid-backlog): nothing more can
 * coalesce, so it flushes.
 *
 * @param baseMillis the window while caught up ({@code task.window.ms}, also the tick)
 * @param maxMillis  the longest window under any lag ({@code stride.flush.window-max.ms}; = base turns this off)
 * @param lagShare   the part of the input lag a window may add ({@code stride.flush.lag-share})
 * @param backlogMillis the input lag from which the window grows ({@code stride.flush.backlog-lag.ms})
 */
record FlushWindow(long baseMillis, long maxMillis, double lagShare, long backlogMillis) {

    FlushWindow {
        if (baseMillis <= 0 || maxMillis < baseMillis || !(lagShare >= 0) || backlogMillis < 0) {
            throw new IllegalArgumentException("flush window needs 0 < base (" + baseMillis + ") <= max (" + maxMillis
                    + "), a lag share >= 0 (" + lagShare + ") and a backlog lag >= 0 (" + backlogMillis + ")");
        }
    }

    /** The window for this input lag in ms (a negative lag, e.g. a producer clock ahead of ours, counts as none). */
    long windowMillis(long lagMillis) {
        if (lagMillis < backlogMillis) {
            return baseMillis;
        }
        return Math.max(baseMillis, Math.min(maxMillis, (long) (lagMillis * lagShare)));
    }

    /**
     * Whether a window tick flushes.
     *
     * @param sinceLastFlushMillis time since the last flush this policy allowed (or since the task started)
     * @param lagMillis            the input lag at the last content-state event absorbed
     * @param idleTicks            ticks in a row, this one included, with no content-state event absorbed since the
     *                             previous tick
     */
    boolean due(long sinceLastFlushMillis, long lagMillis, int idleTicks) {
        long window = windowMillis(lagMillis);
        // ticks come every base ms with jitter: half a tick early is on time, or a 1 s window would wait 1.5 s
        return idleTicks >= DRAINED_TICKS || window == baseMillis || sinceLastFlushMillis + baseMillis / 2 >= window;
    }

    /** Idle ticks in a row that mean the input is drained. */
    static final int DRAINED_TICKS = 2;
}
