import {
  changeMemberRole as changeRoleRow,
  type DbClient,
  inTransaction,
  type Role,
  recordAudit,
} from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Gives a member another role; the last admin cannot be demoted. */
export async function changeMemberRole(db: DbClient, ctx: SessionContext, membershipId: string, role: Role) {
  assertCan(ctx, "manage_members");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const membership = await changeRoleRow(tx, ctx.tenantId, membershipId, role);
    if (membership === null) throw new AppError("not_found", "Member not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: membership.id,
      data: { userId: membership.userId, role },
    });
    return { id: membership.id, role: membership.role };
  });
}
