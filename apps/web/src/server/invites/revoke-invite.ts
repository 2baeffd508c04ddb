import { type Db, recordAudit, revokeInvite as revokeInviteRow } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Withdraws an unused invite, so its link stops working. */
export async function revokeInvite(db: Db, ctx: SessionContext, inviteId: string): Promise<void> {
  assertCan(ctx, "manage_members");
  if (!(await revokeInviteRow(db, ctx.tenantId, inviteId)))
    throw new AppError("not_found", "Invite not found.");
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "member.invite_revoked",
    targetType: "invite",
    targetId: inviteId,
  });
}
