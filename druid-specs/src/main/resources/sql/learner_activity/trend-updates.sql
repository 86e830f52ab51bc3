-- Trend chart, content updates (fast path): per UTC hour of one batch, the distinct content-state changes accepted
-- (row_ids), from the rolled-up learner_activity datasource; the caller adds a day's hours up.
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): a sketch keeps each id once,
-- so a row ingested twice adds nothing, whichever segment each copy is in (the hour's sketches are unioned). Adding
-- hours up is exact because a row_id belongs to one hour only: every copy of a row carries the same time.
-- Per hour rather than per day because a union of an hour's ids is small (a 16,384-entry union stays in the CPU's
-- cache; a day's 65,536-entry one did not, and took twice as long: docs/BENCHMARKS.md). Exact while an hour of the
-- batch has at most 16,384 distinct changes: updates_bounds then has low bound = estimate = high bound; past that they
-- differ and the caller recounts that day exactly from learner_progress (learner_progress/trend-activity).
-- Grouped on the hour alone, so Druid runs it as a timeseries query (no groupBy merge buffers).
-- Parameters: tenant, course_id, batch_id, from (epoch ms, inclusive), to (epoch ms, exclusive).
SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'PT1H')) AS hour_ms,
       THETA_SKETCH_ESTIMATE_WITH_ERROR_BOUNDS(DS_THETA(updates, 16384), 1) AS updates_bounds
FROM "learner_activity"
WHERE tenant = ? AND course_id = ? AND batch_id = ?
  AND __time >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) AND __time < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))
GROUP BY 1
ORDER BY 1
