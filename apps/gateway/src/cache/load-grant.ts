import { type Db, findGrantByTokenHash } from "@toolgate/db";
import type { CachedGrant } from "./cached-types";

/** Loads a grant by the sha256 of its token; null when no grant has that token. */
export async function loadGrant(db: Db, tokenHash: string): Promise<CachedGrant | null> {
  const grant = await findGrantByTokenHash(db, tokenHash);
  if (grant === null) return null;
  return {
    id: grant.id,
    tenantId: grant.tenantId,
    serverId: grant.serverId,
    subsetServerIds: grant.subsetServerIds,
    label: grant.label,
    expiresAtMs: grant.expiresAt === null ? null : grant.expiresAt.getTime(),
    revoked: grant.revokedAt !== null,
  };
}
