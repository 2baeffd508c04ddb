import { type DbClient, inTransaction, recordAudit, revokeGrant as revokeGrantRow } from "@toolgate/db";
import { webhookEvent } from "@toolgate/webhooks";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { publishEvent } from "../webhooks/publish-event";
import { toGrantView } from "./grant-view";

/** Revokes a grant; agents using its token are refused from their next call. */
export async function revokeGrant(db: DbClient, ctx: SessionContext, grantId: string) {
  assertCan(ctx, "manage_grants");
  // The change and its audit event commit together (or neither does).
  const grant = await inTransaction(db, async (tx) => {
    const grant = await revokeGrantRow(tx, ctx.tenantId, grantId);
    if (grant === null) throw new AppError("not_found", "Grant not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "grant.revoked",
      targetType: "grant",
      targetId: grant.id,
      data: { label: grant.label },
    });
    return grant;
  });
  // Only once the revocation has committed: a webhook never announces a change that was rolled back.
  publishEvent(
    ctx.tenantId,
    webhookEvent("grant.revoked", {
      grantId: grant.id,
      label: grant.label,
      serverId: grant.serverId,
      revokedById: ctx.userId,
    }),
  );
  return toGrantView(grant, new Date());
}
