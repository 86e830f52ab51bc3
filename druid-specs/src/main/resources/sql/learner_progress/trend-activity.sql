-- Trend chart, activity: per UTC day of one batch, the learners active and the content-state changes accepted.
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): both figures are exact
-- COUNT(DISTINCT) over ids (user_id, row_id; the connection sets useApproximateCountDistinct=false), and a row ingested
-- twice carries the same row_id, so it counts once.
-- Parameters: tenant, course_id, batch_id, from (epoch ms, inclusive), to (epoch ms, exclusive).
SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS day_ms,
       COUNT(DISTINCT user_id) AS active_learners,
       COUNT(DISTINCT row_id) AS content_updates
FROM "learner_progress"
WHERE tenant = ? AND course_id = ? AND batch_id = ?
  AND __time >= MILLIS_TO_TIMESTAMP(?) AND __time < MILLIS_TO_TIMESTAMP(?)
GROUP BY 1
ORDER BY 1
