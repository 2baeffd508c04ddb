import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** How many held calls await a decision (expired ones left out): the number beside "Approvals" in the nav. */
export async function countPendingApprovals(db: Db, ctx: SessionContext, now = new Date()): Promise<number> {
  assertCan(ctx, "read");
  return db.approval.count({
    where: { tenantId: ctx.tenantId, status: "pending", expiresAt: { gt: now } },
  });
}
