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

function scope(tenantId: string, filter: CallLogStatsFilter): Prisma.Sql {
  const server =
    filter.serverId === undefined ? Prisma.empty : Prisma.sql`AND "serverId" = ${filter.serverId}`;
  return Prisma.sql`"tenantId" = ${tenantId} AND "createdAt" >= ${filter.from} AND "createdAt" < ${filter.to} ${server}`;
}

/**
 * Tool-call counts (protocol traffic such as initialize or tools/list left out) per time bucket and
 * decision, top tools and top denying rules over a time range.
 */
export async function callLogStats(
  db: Db,
  tenantId: string,
  filter: CallLogStatsFilter,
): Promise<CallLogStats> {
  const where = Prisma.sql`${scope(tenantId, filter)} AND method = 'tools/call'`;
  const interval = `${Math.max(1, Math.trunc(filter.bucketSeconds))} seconds`;
  const [buckets, topTools, topDeniedRules] = await Promise.all([
    db.$queryRaw<{ bucket: Date; decision: Decision; calls: bigint; held: bigint }[]>`
      SELECT date_bin(${interval}::interval, "createdAt", ${filter.from}) AS bucket, decision, count(*) AS calls,
        count(*) FILTER (WHERE held) AS held
      FROM "CallLog" WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<{ name: string; calls: bigint }[]>`
      SELECT tool AS name, count(*) AS calls FROM "CallLog"
      WHERE ${where} AND tool IS NOT NULL GROUP BY tool ORDER BY calls DESC, name LIMIT ${TOP}`,
    db.$queryRaw<{ name: string; calls: bigint }[]>`
      SELECT rule AS name, count(*) AS calls FROM "CallLog"
      WHERE ${where} AND rule IS NOT NULL AND decision IN ('deny', 'rate_limited')
      GROUP BY rule ORDER BY calls DESC, name LIMIT ${TOP}`,
  ]);
  const counted = (rows: { name: string; calls: bigint }[]) =>
    rows.map((row) => ({ name: row.name, calls: Number(row.calls) }));
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
