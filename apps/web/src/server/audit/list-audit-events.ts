import { type Db, listAuditEvents as listAuditRows } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** The tenant's latest admin actions (policy published, grant created…), newest first. */
export async function listAuditEvents(db: Db, ctx: SessionContext, limit = 50) {
  assertCan(ctx, "read_audit");
  const rows = await listAuditRows(db, ctx.tenantId, limit);
  return rows.map((row) => ({
    id: row.id,
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
    createdAt: row.createdAt,
  }));
}
