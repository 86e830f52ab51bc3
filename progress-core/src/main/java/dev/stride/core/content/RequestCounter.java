package dev.stride.core.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A grow-only count of distinct request ids that can be merged in any order, any number of times.
 *
 * <p>State = {@code base} (a count imported from a legacy counter such as Sunbird's view_count, merged by max)
 * + a bottom-k sketch: the {@link #CAPACITY} smallest 64-bit hashes of the request ids seen (merged by
 * union-then-keep-smallest). Both parts are join-semilattices, so the counter is one, and a duplicate delivery of
 * a request adds a hash already present: nothing changes.
 *
 * <p>Bound: at most {@value #CAPACITY} longs (2 KiB) per counter; the count is exact up to {@value #CAPACITY} - 1
 * distinct requests and beyond that a k-minimum-values estimate (about 6 % standard error) that never decreases.
 */
public record RequestCounter(int base, List<Long> hashes) {

    public static final int CAPACITY = 256;
    private static final RequestCounter EMPTY = new RequestCounter(0, List.of());
    private static final double TWO_TO_64 = 0x1p64;

    /** {@code hashes} are normalised: sorted (signed order), distinct, only the {@link #CAPACITY} smallest kept. */
    public RequestCounter {
        if (base < 0) {
            throw new IllegalArgumentException("base must be >= 0: " + base);
        }
        hashes = smallest(Objects.requireNonNull(hashes, "hashes"));
    }

    public static RequestCounter empty() {
        return EMPTY;
    }

    /** A legacy count with no known request ids (e.g. a row migrated from Sunbird). */
    public static RequestCounter ofBase(int base) {
        return new RequestCounter(base, List.of());
    }

    public static RequestCounter ofRequest(String requestId) {
        return new RequestCounter(0, List.of(hash(requestId)));
    }

    public RequestCounter merge(RequestCounter other) {
        if (other.equals(this) || other.equals(EMPTY)) {
            return this;
        }
        if (this.equals(EMPTY)) {
            return other;
        }
        List<Long> all = new ArrayList<>(hashes.size() + other.hashes.size());
        all.addAll(hashes);
        all.addAll(other.hashes);
        return new RequestCounter(Math.max(base, other.base), all);
    }

    /** The number of distinct requests: base + exact sketch size, or its estimate once the sketch is full. */
    public int count() {
        long distinct;
        if (hashes.size() < CAPACITY) {
            distinct = hashes.size();
        } else {
            // k-minimum-values: (k-1) / U(k), U(k) = the k-th smallest hash as a fraction of the hash space.
            double kth = (unsignedAsDouble(hashes.get(CAPACITY - 1) ^ Long.MIN_VALUE) + 1.0) / TWO_TO_64;
            distinct = Math.max(CAPACITY, Math.round((CAPACITY - 1) / kth));
        }
        return (int) Math.min(Integer.MAX_VALUE, base + distinct);
    }

    /** Whether the sketch is full, i.e. {@link #count()} is an estimate rather than exact. */
    public boolean isEstimate() {
        return hashes.size() >= CAPACITY;
    }

    /** The stable 64-bit hash of a request id: the first 8 bytes of SHA-256 of its UTF-8 form. */
    public static long hash(String requestId) {
        Objects.requireNonNull(requestId, "requestId");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xffL);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    private static List<Long> smallest(Collection<Long> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        TreeSet<Long> sorted = new TreeSet<>(hashes);
        while (sorted.size() > CAPACITY) {
            sorted.pollLast();
        }
        return List.copyOf(sorted);
    }

    private static double unsignedAsDouble(long x) {
        return x >= 0 ? x : ((x >>> 1) | (x & 1)) * 2.0;
    }
}
