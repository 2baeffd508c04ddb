import type { Db } from "../create-db";
import type { CallLog } from "../generated/prisma/client";
import type { CallLogCursor, CallLogFilter } from "./call-logs";

const MAX_TAIL = 200;

/**
 * The tenant's calls strictly newer than `after` (a keyset position), oldest first, for a live
 * tail; at most `limit` rows, so a burst is caught up over several polls.
 */
export async function listCallLogsAfter(
  db: Db,
  tenantId: string,
  filter: Pick<CallLogFilter, "serverId" | "grantId" | "tool" | "decision" | "rule" | "method">,
  after: CallLogCursor,
  limit: number,
): Promise<CallLog[]> {
  return db.callLog.findMany({
    where: {
      tenantId,
      ...(filter.serverId === undefined ? {} : { serverId: filter.serverId }),
      ...(filter.grantId === undefined ? {} : { grantId: filter.grantId }),
      ...(filter.tool === undefined ? {} : { tool: filter.tool }),
      ...(filter.method === undefined ? {} : { method: filter.method }),
      // as in listCallLogs: approval_pending finds every held call
      ...(filter.decision === undefined
        ? {}
        : filter.decision === "approval_pending"
          ? { AND: [{ OR: [{ decision: filter.decision }, { held: true }] }] }
          : { decision: filter.decision }),
      ...(filter.rule === undefined ? {} : { rule: filter.rule }),
      OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(Math.trunc(limit), 1), MAX_TAIL),
  });
}
