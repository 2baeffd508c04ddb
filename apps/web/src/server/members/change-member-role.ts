import { changeMemberRole as changeRoleRow, type Db, type Role, recordAudit } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Gives a member another role; the last admin cannot be demoted. */
export async function changeMemberRole(db: Db, ctx: SessionContext, membershipId: string, role: Role) {
  assertCan(ctx, "manage_members");
  const membership = await changeRoleRow(db, ctx.tenantId, membershipId, role);
  if (membership === null) throw new AppError("not_found", "Member not found.");
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "member.role_changed",
    targetType: "membership",
    targetId: membership.id,
    data: { userId: membership.userId, role },
  });
  return { id: membership.id, role: membership.role };
}
