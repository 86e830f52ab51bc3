-- Trend chart, activity, exact form: per UTC day of one batch, the learners active and the content-state changes
-- accepted, from the raw rows (one per change). The trend endpoint reads learner_activity/trend-learners and
-- trend-updates (sketches, ~24 rolled-up rows a day) and runs this one only for a day whose sketches could only
-- estimate (more than 65,536 learners that day, or 16,384 changes in one of its hours); it costs one group per row
-- (p95 ~1.9 s per week of a 1M-row month, BENCHMARKS.md).
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): both figures are exact
-- distinct counts of ids. The inner GROUP BY keeps one row per (day, user_id, row_id), so a row ingested twice
-- (same row_id, same time) is one row; then COUNT(*) per (day, user) and per day count distinct row_ids and distinct
-- user_ids. Written as nested GROUP BYs rather than two COUNT(DISTINCT)s: exact, and it needs the broker's 2 merge
-- buffers where two exact COUNT(DISTINCT)s in one query need 3 (the connection still sets
-- useApproximateCountDistinct=false, so no approximate sketch is ever used).
-- Parameters: tenant, course_id, batch_id, from (epoch ms, inclusive), to (epoch ms, exclusive).
SELECT day_ms, COUNT(*) AS active_learners, SUM(updates) AS content_updates
FROM (
  SELECT day_ms, user_id, COUNT(*) AS updates
  FROM (
    SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS day_ms, user_id, row_id
    FROM "learner_progress"
    WHERE tenant = ? AND course_id = ? AND batch_id = ?
      AND __time >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) AND __time < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))
    GROUP BY 1, 2, 3
  )
  GROUP BY 1, 2
)
GROUP BY 1
ORDER BY 1
