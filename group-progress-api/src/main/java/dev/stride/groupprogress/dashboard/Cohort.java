package dev.stride.groupprogress.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's headline figures. {@code buckets[i]} counts learners with completion in [10·i, 10·i+10) %, the last
 * bucket including 100 %. Inactive: not completed and not seen for {@code inactiveAfter} (or never).
 */
public record Cohort(int learners, int completed, double completionRate, double medianProgress,
                     double averageProgress, List<Integer> buckets, int inactive) {

    public static Cohort of(List<LearnerRow> rows, Instant now, Duration inactiveAfter) {
        int n = rows.size();
        double[] progress = rows.stream().mapToDouble(LearnerRow::completionPercentage).sorted().toArray();
        int[] buckets = new int[10];
        for (double p : progress) {
            buckets[Math.max(0, Math.min(9, (int) Math.floor(p / 10)))]++;
        }
        int completed = (int) rows.stream().filter(LearnerRow::completed).count();
        Instant cutoff = now.minus(inactiveAfter);
        int inactive = (int) rows.stream().filter(r -> !r.completed())
                .filter(r -> r.lastAccessTime() == null || r.lastAccessTime().isBefore(cutoff)).count();
        return new Cohort(n, completed, round(n == 0 ? 0 : 100.0 * completed / n), round(median(progress)),
                round(Arrays.stream(progress).average().orElse(0)), Arrays.stream(buckets).boxed().toList(), inactive);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
