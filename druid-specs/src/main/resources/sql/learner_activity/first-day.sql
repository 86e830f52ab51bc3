-- Trend chart: the first UTC day the rolled-up learner_activity holds (any tenant). Days before it were ingested before
-- the rollup existed (a deployment upgraded after its topic's retention dropped them): the trend counts those days
-- exactly from learner_progress (learner_progress/trend-activity) instead of showing no activity. On a new deployment
-- both datasources start with the topic's first row, so no day is recounted.
-- Druid answers MIN(__time) from segment metadata (a timeBoundary query). No parameters.
SELECT TIMESTAMP_TO_MILLIS(TIME_FLOOR(MIN(__time), 'P1D')) AS first_day_ms
FROM "learner_activity"
