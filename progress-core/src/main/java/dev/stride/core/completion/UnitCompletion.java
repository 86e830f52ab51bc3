package dev.stride.core.completion;

/** Completion of one unit (or of the whole course): see {@link Completion} for the rules. */
public record UnitCompletion(String unitId, int completedCount, int requiredCount, double percentage, int status) {

    /** Sunbird's integer completionPercentage: floor, so 100 only when complete. */
    public int wholePercentage() {
        return (int) Math.floor(percentage);
    }
}
