import type { Db } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toApprovalView } from "./approval-view";

/** One approval request of the tenant, whatever its status. */
export async function getApproval(db: Db, ctx: SessionContext, approvalId: string) {
  assertCan(ctx, "read");
  const row = await db.approval.findFirst({ where: { id: approvalId, tenantId: ctx.tenantId } });
  if (row === null) throw new AppError("not_found", "Approval request not found in this organisation.");
  return toApprovalView(row);
}
