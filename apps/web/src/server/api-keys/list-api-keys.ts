import type { Db } from "@toolgate/db";
import type { SessionContext } from "../context";
import { toApiKeyView } from "./api-key-view";
import { assertAdmin } from "./assert-admin";

/** The tenant's API keys, newest first (revoked ones included). */
export async function listApiKeys(db: Db, ctx: SessionContext) {
  assertAdmin(ctx);
  const rows = await db.apiKey.findMany({
    where: { tenantId: ctx.tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiKeyView);
}
