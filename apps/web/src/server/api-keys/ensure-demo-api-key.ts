import type { Db } from "@toolgate/db";
import { AppError } from "../app-error";
import type { SessionContext } from "../context";
import { createApiKey } from "./create-api-key";
import { findApiKey } from "./find-api-key";

/**
 * The demo organisation's admin API key: the previous run's key while it is still active in
 * that tenant, else a new one (keys are stored hashed, so an old one cannot be shown again).
 */
export async function ensureDemoApiKey(
  db: Db,
  input: { tenantSlug: string; label: string; previousKey: string | null },
): Promise<string> {
  const admin = await db.membership.findFirst({
    where: { tenant: { slug: input.tenantSlug }, role: "admin" },
    orderBy: { createdAt: "asc" },
  });
  if (admin === null) throw new AppError("not_found", `No admin in organisation ${input.tenantSlug}.`);
  if (input.previousKey !== null) {
    const row = await findApiKey(db, input.previousKey);
    const usable =
      row !== null && row.tenantId === admin.tenantId && row.role === "admin" && row.revokedAt === null;
    if (usable) return input.previousKey;
  }
  const ctx: SessionContext = { userId: admin.userId, tenantId: admin.tenantId, role: "admin" };
  const { key } = await createApiKey(db, ctx, { label: input.label, role: "admin" });
  return key;
}
