import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";
import { toApprovalView } from "./approval-view";

const MAX_PENDING = 200;

/** The tenant's approval requests still awaiting a decision (expired ones left out), newest first. */
export async function listPendingApprovals(db: Db, ctx: SessionContext, now = new Date()) {
  assertCan(ctx, "read");
  const rows = await db.approval.findMany({
    where: { tenantId: ctx.tenantId, status: "pending", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_PENDING,
  });
  return rows.map(toApprovalView);
}
