-- Trend chart, active learners (fast path): per UTC day of one batch, the distinct learners with an accepted
-- content-state change, from the rolled-up learner_activity datasource (one row per tenant, course, batch and hour
-- holding a theta sketch of the hour's user_ids): a day reads ~24 rows instead of one per change.
-- Idempotent against duplicated rows (Druid is append-only and the feed is at-least-once): a sketch keeps each id once,
-- so a row ingested twice adds nothing. A learner active in several hours is one learner of the day: the day's
-- sketches are unioned (not summed). Exact while a day of the batch has at most 65,536 distinct learners (the union's
-- nominal entries): learners_bounds then has low bound = estimate = high bound; past that they differ and the caller
-- recounts that day exactly from learner_progress (learner_progress/trend-activity).
-- Grouped on the day alone, so Druid runs it as a timeseries query (no groupBy merge buffers).
-- Parameters: tenant, course_id, batch_id, from (epoch ms, inclusive), to (epoch ms, exclusive).
SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(__time, 'P1D')) AS day_ms,
       THETA_SKETCH_ESTIMATE_WITH_ERROR_BOUNDS(DS_THETA(learners, 65536), 1) AS learners_bounds
FROM "learner_activity"
WHERE tenant = ? AND course_id = ? AND batch_id = ?
  AND __time >= MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT)) AND __time < MILLIS_TO_TIMESTAMP(CAST(? AS BIGINT))
GROUP BY 1
ORDER BY 1
