import { createInvite as createInviteRow, type DbClient, inTransaction, recordAudit } from "@toolgate/db";
import { generateToken, hashToken } from "@toolgate/secrets";
import { z } from "zod";
import { assertCan, type SessionContext } from "../context";

export const roleSchema = z.enum(["admin", "policy_manager", "viewer"], "Choose a role.");

export const createInviteInputSchema = z.object({
  role: roleSchema,
  expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
});

export type CreateInviteInput = z.infer<typeof createInviteInputSchema>;

/** The link a new member opens to join; the token lives only in it (the database keeps its hash). */
export function inviteLink(dashboardUrl: string, token: string): string {
  return `${dashboardUrl.replace(/\/+$/, "")}/invite/${encodeURIComponent(token)}`;
}

/** Creates an invite to join the organisation with a role; returns its token once. */
export async function createInvite(
  db: DbClient,
  ctx: SessionContext,
  input: CreateInviteInput,
  now = new Date(),
) {
  assertCan(ctx, "manage_members");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const token = generateToken("inv");
    const invite = await createInviteRow(tx, ctx.tenantId, {
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      createdById: ctx.userId,
    });
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "member.invited",
      targetType: "invite",
      targetId: invite.id,
      data: { role: invite.role, expiresAt: invite.expiresAt.toISOString() },
    });
    return { invite: { id: invite.id, role: invite.role, expiresAt: invite.expiresAt }, token };
  });
}
