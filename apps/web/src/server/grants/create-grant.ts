import { createGrant as createGrantRow, type Db, getServer, recordAudit } from "@toolgate/db";
import { generateToken, hashToken, tokenPrefix } from "@toolgate/secrets";
import { z } from "zod";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toGrantView } from "./grant-view";

export const createGrantInputSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, "Give the grant a label, such as alice-laptop.")
    .max(64, "Keep the label under 64 characters."),
  // Absent: the grant works for every server of the organisation.
  serverId: z.string().min(1).nullable(),
});

export type CreateGrantInput = z.infer<typeof createGrantInputSchema>;

/**
 * Creates a grant and returns its bearer token. Only the token's hash is stored, so this
 * is the one and only time the token exists outside the agent that receives it.
 */
export async function createGrant(db: Db, ctx: SessionContext, input: CreateGrantInput) {
  assertCan(ctx, "manage_grants");
  if (input.serverId !== null && (await getServer(db, ctx.tenantId, input.serverId)) === null) {
    throw new AppError("not_found", "Server not found.");
  }
  const token = generateToken("grt");
  const grant = await createGrantRow(db, ctx.tenantId, {
    label: input.label,
    tokenHash: hashToken(token),
    tokenPrefix: tokenPrefix(token),
    serverId: input.serverId,
    createdById: ctx.userId,
  });
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "grant.created",
    targetType: "grant",
    targetId: grant.id,
    data: { label: grant.label, serverId: grant.serverId },
  });
  return { grant: toGrantView(grant, new Date()), token };
}
