package dev.stride.core.event;

import java.util.List;

/** Kafka topic names (DESIGN.md "Kafka topics"). */
public final class Topics {

    /** One event per accepted content-state update request and enrolment; key {@link EventKeys#enrolmentKey}. */
    public static final String CONTENT_STATE = "stride.content-state";
    /** Normalised multi-source activity (POST /v1/events, xAPI). */
    public static final String LEARNER_ACTIVITY = "stride.learner-activity";
    /** Rejected activity events with the reason. */
    public static final String LEARNER_ACTIVITY_DLQ = "stride.learner-activity.dlq";
    /** Compacted: latest course tree per {@link EventKeys#courseKey}. */
    public static final String COURSE_STRUCTURE = "stride.course-structure";
    public static final String ENROLMENT_PROGRESS = "stride.enrolment-progress";
    public static final String COURSE_COMPLETED = "stride.course-completed";
    /** Prefix of the Druid ingestion topics ({@code stride.druid.<datasource>}). */
    public static final String DRUID_PREFIX = "stride.druid.";

    /** Every fixed topic (the Druid ones are named per datasource, see {@link #druid}). */
    public static final List<String> ALL = List.of(CONTENT_STATE, LEARNER_ACTIVITY, LEARNER_ACTIVITY_DLQ,
            COURSE_STRUCTURE, ENROLMENT_PROGRESS, COURSE_COMPLETED);

    private Topics() {
    }

    /** {@code stride.druid.<datasource>}, e.g. {@code druid("enrolment-progress")}. */
    public static String druid(String datasource) {
        if (datasource == null || datasource.isBlank()) {
            throw new IllegalArgumentException("datasource must not be blank");
        }
        return DRUID_PREFIX + datasource;
    }
}
