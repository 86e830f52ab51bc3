-- Trend chart, completions: enrolments of one batch counted by (UTC day Druid first saw them, UTC day of their first
-- completed snapshot; null while never completed). The caller turns the pairs into daily completions and a cumulative
-- completion rate.
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): the inner query keeps one
-- row per user_id with MIN times, which a repeated snapshot cannot move, and the outer COUNT(*) counts those distinct
-- users, so a row ingested twice never counts twice.
-- Parameters: tenant, course_id, batch_id, to (epoch ms, exclusive; the whole history before it is read so the
-- cumulative figures start from the batch's first enrolment).
SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(first_seen, 'P1D')) AS seen_day_ms,
       TIMESTAMP_TO_MILLIS(TIME_FLOOR(first_completed, 'P1D')) AS completed_day_ms,
       COUNT(*) AS enrolments
FROM (
  SELECT user_id,
         MIN(__time) AS first_seen,
         MIN(CASE WHEN status = 2 THEN __time END) AS first_completed
  FROM "enrolment_progress"
  WHERE tenant = ? AND course_id = ? AND batch_id = ? AND __time < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))
  GROUP BY user_id
)
GROUP BY 1, 2
ORDER BY 1, 2
