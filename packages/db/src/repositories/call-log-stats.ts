import type { Db } from "../create-db";
import type { Decision } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";

export type CallLogStatsFilter = { from: Date; to: Date; bucketSeconds: number; serverId?: string };
/** Tool calls in one time bucket with one decision; `held` of them waited for a human decision. */
export type DecisionBucket = { bucket: Date; decision: Decision; calls: number; held: number };
export type CountedName = { name: string; calls: number };
export type CallLogStats = {
  buckets: DecisionBucket[];
  topTools: CountedName[];
  topDeniedRules: CountedName[];
};

const TOP = 8;
const HOUR_MS = 3_600_000;

/**
 * Tool-call counts (protocol traffic such as initialize or tools/list left out) per time bucket and
 * decision, top tools and top denying rules over a time range. Ranges and buckets in whole UTC hours
 * (the overview's) read the hourly rollups, so the cost depends on the number of hours, not of calls;
 * anything else aggregates the raw rows. Both give the same numbers.
 */
export async function callLogStats(
  db: Db,
  tenantId: string,
  filter: CallLogStatsFilter,
): Promise<CallLogStats> {
  const wholeHours =
    filter.from.getTime() % HOUR_MS === 0 &&
    filter.to.getTime() % HOUR_MS === 0 &&
    (filter.bucketSeconds * 1000) % HOUR_MS === 0;
  const [buckets, topTools, topDeniedRules] = await (wholeHours
    ? fromRollups(db, tenantId, filter)
    : fromRows(db, tenantId, filter));
  const counted = (rows: NameRow[]) => rows.map((row) => ({ name: row.name, calls: Number(row.calls) }));
  return {
    buckets: buckets.map((row) => ({
      bucket: row.bucket,
      decision: row.decision,
      calls: Number(row.calls),
      held: Number(row.held),
    })),
    topTools: counted(topTools),
    topDeniedRules: counted(topDeniedRules),
  };
}

type BucketRow = { bucket: Date; decision: Decision; calls: bigint; held: bigint };
type NameRow = { name: string; calls: bigint };

function interval(filter: CallLogStatsFilter): string {
  return `${Math.max(1, Math.trunc(filter.bucketSeconds))} seconds`;
}

function fromRollups(db: Db, tenantId: string, filter: CallLogStatsFilter) {
  const server =
    filter.serverId === undefined ? Prisma.empty : Prisma.sql`AND "serverId" = ${filter.serverId}`;
  const where = (dimensions: Prisma.Sql) =>
    Prisma.sql`"tenantId" = ${tenantId} AND dimension IN (${dimensions})
      AND "hour" >= ${filter.from} AND "hour" < ${filter.to} ${server}`;
  return Promise.all([
    db.$queryRaw<BucketRow[]>`
      SELECT date_bin(${interval(filter)}::interval, "hour", ${filter.from}) AS bucket, key::"Decision" AS decision,
        (sum(calls) FILTER (WHERE dimension = 'decision'))::bigint AS calls,
        coalesce(sum(calls) FILTER (WHERE dimension = 'held'), 0)::bigint AS held
      FROM "CallLogHourly" WHERE ${where(Prisma.sql`'decision'::"RollupDimension", 'held'::"RollupDimension"`)}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<NameRow[]>`
      SELECT key AS name, sum(calls)::bigint AS calls FROM "CallLogHourly"
      WHERE ${where(Prisma.sql`'tool'::"RollupDimension"`)} GROUP BY key ORDER BY calls DESC, name LIMIT ${TOP}`,
    db.$queryRaw<NameRow[]>`
      SELECT key AS name, sum(calls)::bigint AS calls FROM "CallLogHourly"
      WHERE ${where(Prisma.sql`'denied_rule'::"RollupDimension"`)} GROUP BY key ORDER BY calls DESC, name LIMIT ${TOP}`,
  ]);
}

function fromRows(db: Db, tenantId: string, filter: CallLogStatsFilter) {
  const server =
    filter.serverId === undefined ? Prisma.empty : Prisma.sql`AND "serverId" = ${filter.serverId}`;
  const where = Prisma.sql`"tenantId" = ${tenantId} AND "createdAt" >= ${filter.from} AND "createdAt" < ${filter.to}
    ${server} AND method = 'tools/call'`;
  return Promise.all([
    db.$queryRaw<BucketRow[]>`
      SELECT date_bin(${interval(filter)}::interval, "createdAt", ${filter.from}) AS bucket, decision, count(*) AS calls,
        count(*) FILTER (WHERE held) AS held
      FROM "CallLog" WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<NameRow[]>`
      SELECT tool AS name, count(*) AS calls FROM "CallLog"
      WHERE ${where} AND tool IS NOT NULL GROUP BY tool ORDER BY calls DESC, name LIMIT ${TOP}`,
    db.$queryRaw<NameRow[]>`
      SELECT rule AS name, count(*) AS calls FROM "CallLog"
      WHERE ${where} AND rule IS NOT NULL AND decision IN ('deny', 'rate_limited')
      GROUP BY rule ORDER BY calls DESC, name LIMIT ${TOP}`,
  ]);
}
