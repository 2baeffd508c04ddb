-- The rollups count tool calls only, with the held ones in their own dimension (what the overview
-- shows): recompute them from the raw rows.
DELETE FROM "CallLogHourly";

INSERT INTO "CallLogHourly" ("tenantId", "dimension", "hour", "serverId", "key", "calls")
SELECT "tenantId", dimension::"RollupDimension", hour, "serverId", key, count(*)
FROM (
  SELECT "tenantId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, "serverId",
    "decision", "tool", "rule", "held"
  FROM "CallLog"
  WHERE "method" = 'tools/call'
) AS c,
LATERAL (VALUES ('decision', c."decision"::text), ('tool', c."tool"),
  ('denied_rule', CASE WHEN c."decision" IN ('deny', 'rate_limited') THEN c."rule" END),
  ('held', CASE WHEN c."held" THEN c."decision"::text END)) AS d(dimension, key)
WHERE key IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
