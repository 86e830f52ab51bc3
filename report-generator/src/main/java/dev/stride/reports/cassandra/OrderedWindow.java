package dev.stride.reports.cassandra;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionStage;

/**
 * Keeps up to {@code size} asynchronous reads in flight and hands their results out in submission order: one read per
 * learner or member, many at once for speed, written in the order of the partition that listed them.
 */
public final class OrderedWindow<K, T> {

    /** Receives a key and its result in submission order. */
    @FunctionalInterface
    public interface Sink<K, T> {
        void accept(K key, T result) throws Exception;
    }

    private record Pending<K, T>(K key, CompletionStage<T> result) {
    }

    private final int size;
    private final Sink<K, T> sink;
    private final Deque<Pending<K, T>> inFlight = new ArrayDeque<>();

    public OrderedWindow(int size, Sink<K, T> sink) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be positive");
        }
        this.size = size;
        this.sink = sink;
    }

    /** Adds a read; when the window is full, first waits for the oldest and hands it out. */
    public void submit(K key, CompletionStage<T> result) throws Exception {
        inFlight.addLast(new Pending<>(key, result));
        while (inFlight.size() >= size) {
            drainOne();
        }
    }

    /** Hands out every remaining result, in order. */
    public void finish() throws Exception {
        while (!inFlight.isEmpty()) {
            drainOne();
        }
    }

    private void drainOne() throws Exception {
        Pending<K, T> head = inFlight.removeFirst();
        sink.accept(head.key(), Pages.await(head.result()));
    }
}
