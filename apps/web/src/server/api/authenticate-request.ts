import type { Db } from "@toolgate/db";
import { findApiKey, touchApiKey } from "../api-keys/find-api-key";
import type { SessionContext } from "../context";
import { ApiError } from "./api-error";

const bearerPattern = /^Bearer\s+(\S+)$/i;

/**
 * Resolves the request's `Authorization: Bearer tg_key_…` to its tenant and role. The key's
 * id stands in for the user in audit records, so every API action names the key that did it.
 */
export async function authenticateRequest(db: Db, request: Request): Promise<SessionContext> {
  const header = request.headers.get("authorization");
  const key = header === null ? null : (bearerPattern.exec(header.trim())?.[1] ?? null);
  if (key === null) {
    throw new ApiError("unauthenticated", 401, "Send an API key as `Authorization: Bearer tg_key_…`.");
  }
  const row = await findApiKey(db, key);
  if (row === null) throw new ApiError("unauthenticated", 401, "This API key is not valid.");
  if (row.revokedAt !== null) throw new ApiError("unauthenticated", 401, "This API key was revoked.");
  // Informational only: a failed write must not fail the request, but it is logged.
  void touchApiKey(db, row.id, new Date()).catch((error: unknown) =>
    console.error("[api] could not record API key use", error),
  );
  return { userId: row.id, tenantId: row.tenantId, role: row.role };
}
