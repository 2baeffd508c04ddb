-- CreateEnum
CREATE TYPE "RollupDimension" AS ENUM ('decision', 'tool', 'denied_rule');

-- CreateTable
CREATE TABLE "CallLogHourly" (
    "tenantId" TEXT NOT NULL,
    "dimension" "RollupDimension" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "serverId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "calls" BIGINT NOT NULL,

    CONSTRAINT "CallLogHourly_pkey" PRIMARY KEY ("tenantId","dimension","hour","serverId","key")
);

-- Backfill from the existing call logs, so the overview shows the same numbers as before.
INSERT INTO "CallLogHourly" ("tenantId", "dimension", "hour", "serverId", "key", "calls")
SELECT "tenantId", dimension::"RollupDimension", hour, "serverId", key, count(*)
FROM (
  SELECT "tenantId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour, "serverId",
    "decision", "tool", "rule"
  FROM "CallLog"
) AS c,
LATERAL (VALUES ('decision', c."decision"::text), ('tool', c."tool"),
  ('denied_rule', CASE WHEN c."decision" IN ('deny', 'rate_limited') THEN c."rule" END)) AS d(dimension, key)
WHERE key IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
