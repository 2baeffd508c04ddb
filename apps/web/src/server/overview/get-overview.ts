import { callLogStats, type Db, getServer } from "@toolgate/db";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

const ranges = {
  "24h": { seconds: 86_400, bucketSeconds: 3_600 },
  "7d": { seconds: 7 * 86_400, bucketSeconds: 6 * 3_600 },
  "30d": { seconds: 30 * 86_400, bucketSeconds: 86_400 },
} as const;

export const overviewQuerySchema = z.object({
  range: z.enum(["24h", "7d", "30d"]).catch("24h"),
  server: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()).catch(undefined),
});

export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/** One chart point: tool calls in a bucket by outcome (`sentForApproval`: held, whatever was decided). */
export type OverviewPoint = {
  at: string;
  calls: number;
  denied: number;
  rateLimited: number;
  sentForApproval: number;
  errors: number;
};

/** Tool calls, denials, rate limits, approvals and upstream errors over time (whole buckets), top tools and top denying rules. */
export async function getOverview(db: Db, ctx: SessionContext, query: OverviewQuery, now = new Date()) {
  assertCan(ctx, "read");
  if (query.server !== undefined && (await getServer(db, ctx.tenantId, query.server)) === null) {
    throw new AppError("not_found", "Server not found.");
  }
  const range = ranges[query.range];
  const bucketMs = range.bucketSeconds * 1000;
  const to = new Date(Math.ceil(now.getTime() / bucketMs) * bucketMs);
  const from = new Date(to.getTime() - range.seconds * 1000);
  const [stats, pendingApprovals] = await Promise.all([
    callLogStats(db, ctx.tenantId, {
      from,
      to,
      bucketSeconds: range.bucketSeconds,
      ...(query.server === undefined ? {} : { serverId: query.server }),
    }),
    db.approval.count({
      where: {
        tenantId: ctx.tenantId,
        status: "pending",
        expiresAt: { gt: now },
        ...(query.server === undefined ? {} : { serverId: query.server }),
      },
    }),
  ]);
  const points = new Map<number, OverviewPoint>();
  for (let at = from.getTime(); at < to.getTime(); at += bucketMs) {
    points.set(at, {
      at: new Date(at).toISOString(),
      calls: 0,
      denied: 0,
      rateLimited: 0,
      sentForApproval: 0,
      errors: 0,
    });
  }
  for (const bucket of stats.buckets) {
    const point = points.get(bucket.bucket.getTime());
    if (point === undefined) continue;
    point.calls += bucket.calls;
    if (bucket.decision === "deny") point.denied += bucket.calls;
    if (bucket.decision === "rate_limited") point.rateLimited += bucket.calls;
    if (bucket.decision === "error") point.errors += bucket.calls;
    // Held calls end as approved, denied or abandoned; each was sent for approval once.
    point.sentForApproval += bucket.decision === "approval_pending" ? bucket.calls : bucket.held;
  }
  const series = [...points.values()];
  const total = (key: keyof Omit<OverviewPoint, "at">) => series.reduce((sum, point) => sum + point[key], 0);
  return {
    from,
    to,
    series,
    totals: {
      calls: total("calls"),
      denied: total("denied"),
      rateLimited: total("rateLimited"),
      sentForApproval: total("sentForApproval"),
      errors: total("errors"),
      pendingApprovals,
    },
    topTools: stats.topTools,
    topDeniedRules: stats.topDeniedRules,
  };
}
