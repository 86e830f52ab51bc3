-- Course summary (Sunbird's collection summary): one row per batch, enrolment and UTC day with a snapshot; the caller
-- carries each enrolment forward day by day and counts enrolments, starts, completions and the median time on task.
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): rows are grouped by
-- user_id, so each enrolment is one row per day however often a snapshot was ingested, and MAX(status) and
-- MAX(time_spent_seconds) (both never decrease for an enrolment) are unchanged by a repeated row.
-- Parameters: tenant, course_id, batch_id ('' for every batch of the course, bound twice), to (epoch ms, exclusive).
SELECT batch_id,
       user_id,
       TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS day_ms,
       MAX(status) AS status,
       MAX(time_spent_seconds) AS time_spent_seconds
FROM "enrolment_progress"
WHERE tenant = ? AND course_id = ? AND (? = '' OR batch_id = ?) AND __time < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
