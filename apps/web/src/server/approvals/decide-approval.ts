import { type DbClient, inTransaction, notifyChange, recordAudit } from "@toolgate/db";
import { webhookEvent } from "@toolgate/webhooks";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { publishEvent } from "../webhooks/publish-event";
import { toApprovalView } from "./approval-view";

export const decideApprovalInputSchema = z.object({
  decision: z.enum(["approved", "denied"]),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
});

export type DecideApprovalInput = z.infer<typeof decideApprovalInputSchema>;

/**
 * Approves or denies one pending, unexpired approval request. The status only moves away
 * from `pending` in one conditional update, so two reviewers cannot both decide it.
 */
export async function decideApproval(
  db: DbClient,
  ctx: SessionContext,
  approvalId: string,
  input: DecideApprovalInput,
  now = new Date(),
) {
  // Deciding calls is part of running the policy: the same roles that publish it.
  assertCan(ctx, "manage_policies");
  // The change and its audit event commit together (or neither does).
  const row = await inTransaction(db, async (tx) => {
    const { count } = await tx.approval.updateMany({
      where: { id: approvalId, tenantId: ctx.tenantId, status: "pending", expiresAt: { gt: now } },
      data: { status: input.decision, reason: input.reason ?? null, decidedById: ctx.userId, decidedAt: now },
    });
    const row = await tx.approval.findFirst({ where: { id: approvalId, tenantId: ctx.tenantId } });
    if (row === null) throw new AppError("not_found", "Approval request not found.");
    if (count === 0) {
      const state = row.status === "pending" ? "expired" : row.status;
      throw new AppError("conflict", `This approval request can no longer be decided: it is ${state}.`);
    }
    // The gateway holding the call learns the decision at once (it also polls, in case this is missed).
    await notifyChange(tx, { kind: "approval", tenantId: ctx.tenantId, approvalId: row.id });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: input.decision === "approved" ? "approval.approved" : "approval.denied",
      targetType: "approval",
      targetId: row.id,
      data: { tool: row.tool, serverId: row.serverId, grantId: row.grantId, reason: row.reason },
    });
    return row;
  });
  // Only once the decision has committed: a webhook never announces a change that was rolled back.
  publishEvent(
    ctx.tenantId,
    webhookEvent("approval.decided", {
      approvalId: row.id,
      status: row.status,
      reason: row.reason,
      tool: row.tool,
      serverId: row.serverId,
      grantId: row.grantId,
      decidedById: ctx.userId,
    }),
  );
  return toApprovalView(row);
}
