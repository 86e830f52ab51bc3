package dev.stride.druid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distinct count read from a theta sketch: Druid's {@code THETA_SKETCH_ESTIMATE_WITH_ERROR_BOUNDS(sketch, 1)} text,
 * e.g. {@code {"estimate":33334.0,"highBound":33334.0,"lowBound":33334.0,"numStdDev":1}}. A sketch holding no more
 * distinct values than its nominal entries keeps every one of them: its bounds equal its estimate and the count is
 * exact; past that it keeps a sample, its bounds differ and the count is only an estimate.
 *
 * @param count the estimate, rounded (the exact count when {@code exact})
 * @param exact whether the sketch kept every distinct value (low bound = estimate = high bound)
 */
public record ThetaCount(long count, boolean exact) {

    private static final Pattern FIELD = Pattern.compile("\"(estimate|highBound|lowBound)\"\\s*:\\s*([-0-9.eE+]+|NaN)");

    /** Reads Druid's text; null (no row in the bucket) is an exact 0. */
    public static ThetaCount parse(String bounds) {
        if (bounds == null || bounds.isBlank()) {
            return new ThetaCount(0, true);
        }
        double estimate = Double.NaN;
        double high = Double.NaN;
        double low = Double.NaN;
        Matcher m = FIELD.matcher(bounds);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "estimate" -> estimate = v;
                case "highBound" -> high = v;
                default -> low = v;
            }
        }
        if (Double.isNaN(estimate) || Double.isNaN(high) || Double.isNaN(low)) {
            throw new IllegalArgumentException("not a theta sketch estimate with bounds: " + bounds);
        }
        return new ThetaCount(Math.round(estimate), low == high && high == estimate);
    }
}
