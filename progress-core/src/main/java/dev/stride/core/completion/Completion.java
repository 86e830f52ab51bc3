package dev.stride.core.completion;

import dev.stride.core.content.ContentStatus;
import dev.stride.core.course.CourseTree;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Completion of an enrolment against a course tree: |completed ∩ required leaves| / |required leaves|, and the
 * same per unit. Recompute it whenever the tree changes (a course at 100 % that gains a content drops below).
 *
 * <ul>
 *   <li>percentage is in [0, 100] and is 100 only when every required leaf is completed;</li>
 *   <li>status: 2 when complete, 1 when started (anything of the course touched) but not complete, else 0;</li>
 *   <li>no required leaves (all optional): there is nothing left to do, so it is complete (100 %, status 2) as soon
 *       as the learner has started, and 0 % / status 0 before — a course cannot complete itself for a learner who
 *       never opened it.</li>
 * </ul>
 *
 * @param completedCount Sunbird's enrolment {@code progress}: completed required leaves
 * @param requiredCount  Sunbird's {@code leafNodesCount}: required leaves
 * @param units          every unit at any depth, in tree order
 */
public record Completion(int completedCount, int requiredCount, double percentage, int status,
                         Map<String, UnitCompletion> units) {

    public Completion {
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    /** From the set of completed content ids (status 2); the learner counts as started if any of them is in the tree. */
    public static Completion of(Set<String> completedContentIds, CourseTree tree) {
        Objects.requireNonNull(completedContentIds, "completedContentIds");
        return compute(completedContentIds::contains, completedContentIds, tree);
    }

    /**
     * From a content id → status map (Sunbird's contentStatus): completed = status 2; the course, or a unit, is
     * started when any content in it has status >= 1.
     */
    public static Completion ofStatuses(Map<String, Integer> statusByContent, CourseTree tree) {
        Objects.requireNonNull(statusByContent, "statusByContent");
        Set<String> touched = new HashSet<>();
        statusByContent.forEach((id, status) -> {
            if (status != null && status >= ContentStatus.IN_PROGRESS) {
                touched.add(id);
            }
        });
        return compute(id -> Integer.valueOf(ContentStatus.COMPLETED).equals(statusByContent.get(id)), touched, tree);
    }

    /** Sunbird's integer completionPercentage: floor, so 100 only when complete. */
    public int wholePercentage() {
        return (int) Math.floor(percentage);
    }

    public boolean isComplete() {
        return status == ContentStatus.COMPLETED;
    }

    private static Completion compute(Predicate<String> completed, Set<String> touched, CourseTree tree) {
        boolean courseStarted = false;
        Set<String> startedUnits = new HashSet<>();
        for (String id : touched) {
            if (tree.contains(id)) {
                courseStarted = true;
                startedUnits.addAll(tree.unitsOf(id));
                startedUnits.add(id); // a touched unit itself
            }
        }
        Map<String, UnitCompletion> units = new LinkedHashMap<>();
        tree.unitRequiredLeaves().forEach((unitId, required) ->
                units.put(unitId, unit(unitId, count(required, completed), required.size(), startedUnits.contains(unitId))));
        int done = count(tree.requiredLeafIds(), completed);
        UnitCompletion course = unit(tree.courseId(), done, tree.requiredLeafIds().size(), courseStarted);
        return new Completion(course.completedCount(), course.requiredCount(), course.percentage(), course.status(), units);
    }

    private static int count(Set<String> required, Predicate<String> completed) {
        int n = 0;
        for (String id : required) {
            if (completed.test(id)) {
                n++;
            }
        }
        return n;
    }

    static UnitCompletion unit(String id, int done, int required, boolean started) {
        double percentage;
        int status;
        if (required == 0) {
            percentage = started ? 100.0 : 0.0;
            status = started ? ContentStatus.COMPLETED : ContentStatus.NOT_STARTED;
        } else if (done >= required) {
            percentage = 100.0;
            status = ContentStatus.COMPLETED;
        } else {
            // Floating point could round (n-1)/n up to exactly 100 for huge n: cap just below.
            percentage = Math.min(done * 100.0 / required, Math.nextDown(100.0));
            status = started || done > 0 ? ContentStatus.IN_PROGRESS : ContentStatus.NOT_STARTED;
        }
        return new UnitCompletion(id, done, required, percentage, status);
    }
}
