import { type DbClient, inTransaction, recordAudit, revokeInvite as revokeInviteRow } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Withdraws an unused invite, so its link stops working. */
export async function revokeInvite(db: DbClient, ctx: SessionContext, inviteId: string): Promise<void> {
  assertCan(ctx, "manage_members");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    if (!(await revokeInviteRow(tx, ctx.tenantId, inviteId)))
      throw new AppError("not_found", "Invite not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "member.invite_revoked",
      targetType: "invite",
      targetId: inviteId,
    });
  });
}
