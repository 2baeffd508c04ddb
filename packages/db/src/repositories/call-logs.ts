import type { Db } from "../create-db";
import type { CallLog, Decision, Prisma } from "../generated/prisma/client";
import { toNullableJson } from "../json-input";

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
  argumentKeys: string[];
  arguments: unknown | null;
  createdAt: Date;
};

/** `from` is inclusive and `to` exclusive; `search` matches tool, rule, message or grant label. */
export type CallLogFilter = {
  serverId?: string;
  grantId?: string;
  tool?: string;
  decision?: Decision;
  rule?: string;
  from?: Date;
  to?: Date;
  search?: string;
};

export type CallLogCursor = { createdAt: Date; id: string };

const MAX_PAGE = 500;

/** Writes a batch in one INSERT; rows whose id exists are skipped, so a retried batch is harmless. */
export async function insertCallLogs(db: Db, records: CallLogRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const { count } = await db.callLog.createMany({
    data: records.map((r) => ({ ...r, arguments: toNullableJson(r.arguments) })),
    skipDuplicates: true,
  });
  return count;
}

function filterWhere(tenantId: string, filter: CallLogFilter): Prisma.CallLogWhereInput[] {
  const where: Prisma.CallLogWhereInput[] = [{ tenantId }];
  // equality filters first: each has a (tenantId, column, createdAt desc) index
  if (filter.serverId !== undefined) where.push({ serverId: filter.serverId });
  if (filter.grantId !== undefined) where.push({ grantId: filter.grantId });
  if (filter.tool !== undefined) where.push({ tool: filter.tool });
  if (filter.decision !== undefined) where.push({ decision: filter.decision });
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
