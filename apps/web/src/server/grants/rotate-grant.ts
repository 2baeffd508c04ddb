import { type DbClient, findGrant, inTransaction, recordAudit } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { createGrant } from "./create-grant";
import { revokeGrant } from "./revoke-grant";

/**
 * Replaces a grant's token: a new grant with the same label and servers is created (its token
 * returned once) and the old one is revoked, so the agent switches to the new token.
 */
export async function rotateGrant(db: DbClient, ctx: SessionContext, grantId: string) {
  assertCan(ctx, "manage_grants");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const old = await findGrant(tx, ctx.tenantId, grantId);
    if (old === null) throw new AppError("not_found", "Grant not found.");
    if (old.revokedAt !== null)
      throw new AppError("conflict", "This grant is revoked; create a new one instead.");
    const created = await createGrant(tx, ctx, {
      label: old.label,
      serverId: old.serverId,
      ...(old.subsetServerIds === null ? {} : { servers: old.subsetServerIds }),
    });
    const revoked = await revokeGrant(tx, ctx, old.id);
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "grant.rotated",
      targetType: "grant",
      targetId: created.grant.id,
      data: { label: old.label, replaced: old.id },
    });
    return { grant: created.grant, token: created.token, revoked };
  });
}
