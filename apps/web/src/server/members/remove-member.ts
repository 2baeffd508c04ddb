import { type DbClient, inTransaction, recordAudit, removeMember as removeMemberRow } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Removes a member from the organisation (their account stays); never the last admin. */
export async function removeMember(db: DbClient, ctx: SessionContext, membershipId: string): Promise<void> {
  assertCan(ctx, "manage_members");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const removed = await removeMemberRow(tx, ctx.tenantId, membershipId);
    if (removed === null) throw new AppError("not_found", "Member not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "member.removed",
      targetType: "membership",
      targetId: removed.id,
      data: { userId: removed.userId, role: removed.role },
    });
  });
}
