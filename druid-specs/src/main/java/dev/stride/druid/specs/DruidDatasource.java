package dev.stride.druid.specs;

/**
 * The datasources the Druid feed fills, each with the Kafka topic its supervisor reads (two may read the same topic:
 * each supervisor consumes it on its own). Their spec lives in {@code specs/<name>/supervisor.json}, their queries in
 * {@code sql/<name>/}.
 */
public enum DruidDatasource {

    /** One row per content of an accepted content-state change (denormalized with the content's unit). */
    LEARNER_PROGRESS("learner_progress", "stride.druid.learner-progress"),
    /**
     * The same rows rolled up at ingestion: one row per tenant, course, batch and hour with theta sketches of its
     * user_ids and row_ids (the trend chart's activity series reads ~24 rows a day instead of one per change).
     */
    LEARNER_ACTIVITY("learner_activity", "stride.druid.learner-progress"),
    /** One row per enrolment-progress snapshot the aggregator emitted. */
    ENROLMENT_PROGRESS("enrolment_progress", "stride.druid.enrolment-progress");

    private final String datasource;
    private final String topic;

    DruidDatasource(String datasource, String topic) {
        this.datasource = datasource;
        this.topic = topic;
    }

    public String datasource() {
        return datasource;
    }

    public String topic() {
        return topic;
    }

    String specResource() {
        return "specs/" + datasource + "/supervisor.json";
    }
}
