import { type Db, listOpenInvites } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** The organisation's invites still waiting to be used (never their tokens). */
export async function listInvites(db: Db, ctx: SessionContext, now = new Date()) {
  assertCan(ctx, "manage_members");
  const invites = await listOpenInvites(db, ctx.tenantId, now);
  return invites.map((invite) => ({
    id: invite.id,
    role: invite.role,
    expiresAt: invite.expiresAt,
    createdAt: invite.createdAt,
  }));
}
