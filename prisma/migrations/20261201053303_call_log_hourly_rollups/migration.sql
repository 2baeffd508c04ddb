-- CreateTable
CREATE TABLE "CallLogHourly" (
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "serverId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "tool" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "calls" BIGINT NOT NULL,

    CONSTRAINT "CallLogHourly_pkey" PRIMARY KEY ("tenantId","hour","serverId","decision","tool","rule")
);

-- Backfill from the existing call logs, so the overview shows the same numbers as before.
INSERT INTO "CallLogHourly" ("tenantId", "hour", "serverId", "decision", "tool", "rule", "calls")
SELECT "tenantId", date_trunc('hour', "createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "serverId", "decision",
  coalesce("tool", ''), coalesce("rule", ''), count(*)
FROM "CallLog"
GROUP BY 1, 2, 3, 4, 5, 6;
