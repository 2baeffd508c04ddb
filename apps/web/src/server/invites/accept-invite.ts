import {
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  type DbClient,
  inTransaction,
  recordAudit,
} from "@toolgate/db";
import { hashPassword, hashToken } from "@toolgate/secrets";
import type { z } from "zod";
import { signUpInputSchema } from "../accounts/sign-up";

export const joinAsNewUserSchema = signUpInputSchema.pick({ email: true, password: true });

export type JoinAsNewUserInput = z.infer<typeof joinAsNewUserSchema>;

async function auditJoin(
  db: DbClient,
  membership: { id: string; tenantId: string; userId: string; role: string },
) {
  await recordAudit(db, membership.tenantId, {
    actorUserId: membership.userId,
    action: "member.joined",
    targetType: "membership",
    targetId: membership.id,
    data: { role: membership.role },
  });
}

/** Creates an account from an invite; the new user is a member of the inviting organisation only. */
export async function joinAsNewUser(
  db: DbClient,
  token: string,
  input: JoinAsNewUserInput,
  now = new Date(),
) {
  // Hashed before the transaction: it is slow on purpose and needs no connection.
  const passwordHash = await hashPassword(input.password);
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const { user, membership } = await acceptInviteAsNewUser(tx, {
      tokenHash: hashToken(token),
      email: input.email,
      passwordHash,
      now,
    });
    await auditJoin(tx, membership);
    return { userId: user.id, tenantId: membership.tenantId, role: membership.role };
  });
}

/** Adds the signed-in user to the inviting organisation. */
export async function joinAsUser(db: DbClient, userId: string, token: string, now = new Date()) {
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const membership = await acceptInviteAsUser(tx, { tokenHash: hashToken(token), userId, now });
    await auditJoin(tx, membership);
    return { tenantId: membership.tenantId, role: membership.role };
  });
}
