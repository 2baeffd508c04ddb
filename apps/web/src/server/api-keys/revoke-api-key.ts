import { type Db, recordAudit } from "@toolgate/db";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";
import { toApiKeyView } from "./api-key-view";
import { assertAdmin } from "./assert-admin";

/** Revokes an API key; requests made with it are refused from then on. Idempotent. */
export async function revokeApiKey(db: Db, ctx: SessionContext, apiKeyId: string) {
  assertAdmin(ctx);
  await db.apiKey.updateMany({
    where: { id: apiKeyId, tenantId: ctx.tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const row = await db.apiKey.findFirst({ where: { id: apiKeyId, tenantId: ctx.tenantId } });
  if (row === null) throw new AppError("not_found", "API key not found.");
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "api_key.revoked",
    targetType: "api_key",
    targetId: row.id,
    data: { label: row.label },
  });
  return toApiKeyView(row);
}
