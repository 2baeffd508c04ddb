import { acceptInviteAsNewUser, acceptInviteAsUser, type Db, recordAudit } from "@toolgate/db";
import { hashPassword, hashToken } from "@toolgate/secrets";
import type { z } from "zod";
import { signUpInputSchema } from "../accounts/sign-up";

export const joinAsNewUserSchema = signUpInputSchema.pick({ email: true, password: true });

export type JoinAsNewUserInput = z.infer<typeof joinAsNewUserSchema>;

async function auditJoin(db: Db, membership: { id: string; tenantId: string; userId: string; role: string }) {
  await recordAudit(db, membership.tenantId, {
    actorUserId: membership.userId,
    action: "member.joined",
    targetType: "membership",
    targetId: membership.id,
    data: { role: membership.role },
  });
}

/** Creates an account from an invite; the new user is a member of the inviting organisation only. */
export async function joinAsNewUser(db: Db, token: string, input: JoinAsNewUserInput, now = new Date()) {
  const { user, membership } = await acceptInviteAsNewUser(db, {
    tokenHash: hashToken(token),
    email: input.email,
    passwordHash: await hashPassword(input.password),
    now,
  });
  await auditJoin(db, membership);
  return { userId: user.id, tenantId: membership.tenantId, role: membership.role };
}

/** Adds the signed-in user to the inviting organisation. */
export async function joinAsUser(db: Db, userId: string, token: string, now = new Date()) {
  const membership = await acceptInviteAsUser(db, { tokenHash: hashToken(token), userId, now });
  await auditJoin(db, membership);
  return { tenantId: membership.tenantId, role: membership.role };
}
