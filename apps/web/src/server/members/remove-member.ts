import { type Db, recordAudit, removeMember as removeMemberRow } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Removes a member from the organisation (their account stays); never the last admin. */
export async function removeMember(db: Db, ctx: SessionContext, membershipId: string): Promise<void> {
  assertCan(ctx, "manage_members");
  const removed = await removeMemberRow(db, ctx.tenantId, membershipId);
  if (removed === null) throw new AppError("not_found", "Member not found.");
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "member.removed",
    targetType: "membership",
    targetId: removed.id,
    data: { userId: removed.userId, role: removed.role },
  });
}
