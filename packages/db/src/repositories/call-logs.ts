import type { Db } from "../create-db";
import { type CallLog, type Decision, Prisma } from "../generated/prisma/client";

export type CallLogRecord = {
  id: string;
  tenantId: string;
  serverId: string;
  grantId: string;
  grantLabel: string;
  sessionId: string | null;
  method: string;
  tool: string | null;
  decision: Decision;
  rule: string | null;
  message: string | null;
  policyVersion: number | null;
  upstreamStatus: number | null;
  latencyMs: number;
  /** The call waited for a human decision, whatever was decided (false when absent). */
  held?: boolean;
  argumentKeys: string[];
  arguments: unknown | null;
  createdAt: Date;
};

/** `from` is inclusive and `to` exclusive; `search` matches tool, rule, message or grant label. */
export type CallLogFilter = {
  serverId?: string;
  grantId?: string;
  tool?: string;
  /** `approval_pending` matches every call that was sent for approval, whatever was decided. */
  decision?: Decision;
  /** Exact JSON-RPC method, e.g. `tools/call`. */
  method?: string;
  rule?: string;
  from?: Date;
  to?: Date;
  search?: string;
};

export type CallLogCursor = { createdAt: Date; id: string };

const MAX_PAGE = 500;

/**
 * Writes a batch in one parameterised INSERT (one array per column, unnested); rows whose id exists
 * are skipped, so a retried batch is harmless. Returns how many rows were inserted.
 */
export async function insertCallLogs(db: Db, records: CallLogRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  // Raw SQL because Prisma's createMany cost a quarter of the gateway's CPU in the log worker. Postgres
  // cannot unnest a text[][] row by row, so argument keys (and JSON arguments) travel as JSON text.
  // One statement: the rows, and the hourly rollups of exactly the rows inserted (a retried batch's
  // duplicates are skipped by both), so the overview's counts stay exact.
  const [result] = await db.$queryRaw<{ inserted: number }[]>`
    WITH inserted AS (
    INSERT INTO "CallLog" ("id", "tenantId", "serverId", "grantId", "grantLabel", "sessionId", "method",
      "tool", "decision", "rule", "message", "policyVersion", "upstreamStatus", "latencyMs", "held",
      "argumentKeys", "arguments", "createdAt")
    SELECT r.id, r.tenant_id, r.server_id, r.grant_id, r.grant_label, r.session_id, r.method, r.tool,
      r.decision::"Decision", r.rule, r.message, r.policy_version, r.upstream_status, r.latency_ms, r.held,
      ARRAY(SELECT jsonb_array_elements_text(r.argument_keys::jsonb)), r.arguments::jsonb, r.created_at
    FROM unnest(
      ${records.map((r) => r.id)}::text[], ${records.map((r) => r.tenantId)}::text[],
      ${records.map((r) => r.serverId)}::text[], ${records.map((r) => r.grantId)}::text[],
      ${records.map((r) => r.grantLabel)}::text[], ${records.map((r) => r.sessionId)}::text[],
      ${records.map((r) => r.method)}::text[], ${records.map((r) => r.tool)}::text[],
      ${records.map((r) => r.decision)}::text[], ${records.map((r) => r.rule)}::text[],
      ${records.map((r) => r.message)}::text[], ${records.map((r) => r.policyVersion)}::int4[],
      ${records.map((r) => r.upstreamStatus)}::int4[], ${records.map((r) => r.latencyMs)}::float8[],
      ${records.map((r) => r.held ?? false)}::bool[],
      ${records.map((r) => JSON.stringify(r.argumentKeys))}::text[],
      ${records.map((r) => (r.arguments === null || r.arguments === undefined ? null : JSON.stringify(r.arguments)))}::text[],
      ${records.map((r) => r.createdAt.toISOString())}::timestamptz[]
    ) AS r(id, tenant_id, server_id, grant_id, grant_label, session_id, method, tool, decision, rule,
      message, policy_version, upstream_status, latency_ms, held, argument_keys, arguments, created_at)
    ON CONFLICT ("id") DO NOTHING
    RETURNING "tenantId", "serverId", "method", "decision", "tool", "rule", "held", "createdAt"
    ), rolled AS (
      INSERT INTO "CallLogHourly" ("tenantId", "dimension", "hour", "serverId", "key", "calls")
      ${rollupsOf(Prisma.sql`inserted`)}
      ON CONFLICT ("tenantId", "dimension", "hour", "serverId", "key")
      DO UPDATE SET "calls" = "CallLogHourly"."calls" + excluded."calls"
    )
    SELECT count(*)::int AS inserted FROM inserted`;
  return result?.inserted ?? 0;
}

/**
 * The rollup rows of a set of call-log rows (`source`: a relation with tenantId, serverId, method,
 * decision, tool, rule, held, createdAt): tool calls only, per UTC hour (not the session time zone's,
 * which may be a half-hour off) and server — by decision, by decision of held calls, by tool, and by
 * rule for denied and rate-limited calls.
 */
function rollupsOf(source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c."tenantId", d.dimension::"RollupDimension",
      date_trunc('hour', c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', c."serverId", d.key, count(*)
    FROM ${source} AS c,
      LATERAL (VALUES ('decision', c."decision"::text), ('tool', c."tool"),
        ('denied_rule', CASE WHEN c."decision" IN ('deny', 'rate_limited') THEN c."rule" END),
        ('held', CASE WHEN c."held" THEN c."decision"::text END)) AS d(dimension, key)
    WHERE d.key IS NOT NULL AND c."method" = 'tools/call'
    GROUP BY 1, 2, 3, 4, 5
    -- One order for every writer: concurrent batches lock shared rollup rows in the same order, never crosswise.
    ORDER BY 1, 2, 3, 4, 5`;
}

/**
 * Recomputes a tenant's hourly rollups from its raw rows (for bulk loads that bypass insertCallLogs,
 * such as the benchmark seed). Exact: the rollups are replaced, not added to.
 */
export async function rebuildCallLogRollups(db: Db, tenantId: string): Promise<void> {
  // Millions of rows take minutes to aggregate: a long timeout, since it is one statement's work.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "CallLogHourly" WHERE "tenantId" = ${tenantId}`;
      await tx.$executeRaw`
        INSERT INTO "CallLogHourly" ("tenantId", "dimension", "hour", "serverId", "key", "calls")
        ${rollupsOf(Prisma.sql`(SELECT * FROM "CallLog" WHERE "tenantId" = ${tenantId})`)}`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

function filterWhere(tenantId: string, filter: CallLogFilter): Prisma.CallLogWhereInput[] {
  const where: Prisma.CallLogWhereInput[] = [{ tenantId }];
  // equality filters first: each has a (tenantId, column, createdAt desc) index
  if (filter.serverId !== undefined) where.push({ serverId: filter.serverId });
  if (filter.grantId !== undefined) where.push({ grantId: filter.grantId });
  if (filter.tool !== undefined) where.push({ tool: filter.tool });
  if (filter.decision === "approval_pending") {
    where.push({ OR: [{ decision: "approval_pending" }, { held: true }] });
  } else if (filter.decision !== undefined) where.push({ decision: filter.decision });
  if (filter.method !== undefined) where.push({ method: filter.method });
  if (filter.rule !== undefined) where.push({ rule: filter.rule });
  if (filter.from !== undefined) where.push({ createdAt: { gte: filter.from } });
  if (filter.to !== undefined) where.push({ createdAt: { lt: filter.to } });
  const search = filter.search?.trim();
  if (search) {
    const contains = { contains: search, mode: "insensitive" } as const;
    where.push({
      OR: [{ tool: contains }, { rule: contains }, { message: contains }, { grantLabel: contains }],
    });
  }
  return where;
}

/** A page of the tenant's call logs, newest first, keyset-paginated on (createdAt desc, id desc). */
export async function listCallLogs(
  db: Db,
  tenantId: string,
  filter: CallLogFilter,
  page: { limit: number; cursor?: CallLogCursor },
): Promise<{ rows: CallLog[]; nextCursor: CallLogCursor | null }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit), 1), MAX_PAGE);
  const where = filterWhere(tenantId, filter);
  const cursor = page.cursor;
  if (cursor !== undefined) {
    where.push({
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    });
  }
  const found = await db.callLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor =
    found.length > limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
  return { rows, nextCursor };
}

/**
 * Every call log of the tenant matching `filter` (a time range), oldest first, in batches: each batch is
 * one keyset query, so memory stays at one batch whatever the number of rows (exports).
 */
export async function* streamCallLogs(
  db: Db,
  tenantId: string,
  filter: CallLogFilter,
  batchSize = 2_000,
): AsyncGenerator<CallLog[]> {
  let after: CallLogCursor | null = null;
  for (;;) {
    const where = filterWhere(tenantId, filter);
    if (after !== null) {
      // The plain bound lets the index scan start at the cursor; the OR alone would be a filter,
      // rescanning the range from its start for every batch.
      where.push({ createdAt: { gte: after.createdAt } });
      where.push({
        OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
      });
    }
    const rows = await db.callLog.findMany({
      where: { AND: where },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < batchSize || last === undefined) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
