import { type DbClient, inTransaction, recordAudit } from "@toolgate/db";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";
import { toApiKeyView } from "./api-key-view";
import { assertAdmin } from "./assert-admin";

/** Revokes an API key; requests made with it are refused from then on. Idempotent. */
export async function revokeApiKey(db: DbClient, ctx: SessionContext, apiKeyId: string) {
  assertAdmin(ctx);
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    await tx.apiKey.updateMany({
      where: { id: apiKeyId, tenantId: ctx.tenantId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.apiKey.findFirst({ where: { id: apiKeyId, tenantId: ctx.tenantId } });
    if (row === null) throw new AppError("not_found", "API key not found.");
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: row.id,
      data: { label: row.label },
    });
    return toApiKeyView(row);
  });
}
