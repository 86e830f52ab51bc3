package dev.stride.groupprogress.jobrequest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The report datasets a course admin may request, each with the {@code datasetConfig} keys it takes. */
public enum Dataset {

    PROGRESS_EXHAUST("progress-exhaust", Scope.BATCH, Set.of("batchId"), Set.of()),
    RESPONSE_EXHAUST("response-exhaust", Scope.BATCH, Set.of("batchId"), Set.of()),
    GROUP_PROGRESS("group-progress", Scope.GROUP, Set.of("groupId"), Set.of()),
    COURSE_SUMMARY("course-summary", Scope.COURSE, Set.of("courseId"), Set.of("batchId"));

    /** What a dataset reports on, which decides who may request and download it. */
    public enum Scope { BATCH, GROUP, COURSE }

    public static final List<String> IDS = Arrays.stream(values()).map(Dataset::id).toList();

    private final String id;
    private final Scope scope;
    private final Set<String> requiredKeys;
    private final Set<String> optionalKeys;

    Dataset(String id, Scope scope, Set<String> requiredKeys, Set<String> optionalKeys) {
        this.id = id;
        this.scope = scope;
        this.requiredKeys = requiredKeys;
        this.optionalKeys = optionalKeys;
    }

    public String id() {
        return id;
    }

    public Scope scope() {
        return scope;
    }

    public Set<String> requiredKeys() {
        return requiredKeys;
    }

    public boolean allows(String key) {
        return requiredKeys.contains(key) || optionalKeys.contains(key);
    }

    public static Optional<Dataset> of(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
