package dev.stride.schema;

import java.util.Set;

/**
 * Names of the tables the migrations create, for the services' CQL (a typo becomes a compile error, not a runtime one).
 * Keys and the query each table serves are documented above its CREATE TABLE in {@code db/migration/V*.cql}.
 */
public final class StrideTables {

    // V001: courses, batches, enrolments, progress
    public static final String COURSE_STRUCTURE = "course_structure";
    public static final String COURSE_BATCH = "course_batch";
    public static final String BATCH_BY_ID = "batch_by_id";
    public static final String USER_ENROLMENTS = "user_enrolments";
    public static final String ENROLMENTS_BY_BATCH = "enrolments_by_batch";
    public static final String USER_CONTENT_CONSUMPTION = "user_content_consumption";
    public static final String ASSESSMENT_ATTEMPTS = "assessment_attempts";
    public static final String USER_ACTIVITY_AGG = "user_activity_agg";
    public static final String PROGRESS_HISTORY = "progress_history";
    // V002: groups and users
    public static final String GROUPS = "groups";
    public static final String GROUP_MEMBERS = "group_members";
    public static final String USER_GROUPS = "user_groups";
    public static final String USERS = "users";
    // V003: reports, audit, outbox, settings
    public static final String JOB_REQUESTS = "job_requests";
    public static final String JOB_REQUESTS_BY_STATUS = "job_requests_by_status";
    public static final String REPORT_FILES = "report_files";
    public static final String ACCESS_AUDIT = "access_audit";
    public static final String CONTENT_STATE_OUTBOX = "content_state_outbox";
    public static final String CACHE_SETTINGS = "cache_settings";
    // V004: event ingestion
    public static final String SOURCE_ID_MAP = "source_id_map";
    public static final String INGESTED_EVENTS = "ingested_events";
    public static final String XAPI_STATEMENTS = "xapi_statements";
    // V005: nightly report claims
    public static final String NIGHTLY_REPORT_CLAIMS = "nightly_report_claims";
    // V006: outbox relay checkpoints
    public static final String CONTENT_STATE_OUTBOX_TENANTS = "content_state_outbox_tenants";
    // the runner's own bookkeeping
    public static final String SCHEMA_VERSION = "schema_version";
    public static final String SCHEMA_LOCK = "schema_lock";

    /** Every table the migrations create (not the runner's schema_version / schema_lock). */
    public static final Set<String> ALL = Set.of(
            COURSE_STRUCTURE, COURSE_BATCH, BATCH_BY_ID, USER_ENROLMENTS, ENROLMENTS_BY_BATCH, USER_CONTENT_CONSUMPTION,
            ASSESSMENT_ATTEMPTS, USER_ACTIVITY_AGG, PROGRESS_HISTORY,
            GROUPS, GROUP_MEMBERS, USER_GROUPS, USERS,
            JOB_REQUESTS, JOB_REQUESTS_BY_STATUS, REPORT_FILES, ACCESS_AUDIT, CONTENT_STATE_OUTBOX, CACHE_SETTINGS,
            SOURCE_ID_MAP, INGESTED_EVENTS, XAPI_STATEMENTS,
            NIGHTLY_REPORT_CLAIMS,
            CONTENT_STATE_OUTBOX_TENANTS);

    private StrideTables() {
    }
}
