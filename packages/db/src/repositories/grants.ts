import { notifyChange } from "../changes/notify-change";
import type { Db } from "../create-db";
import { NotFoundError } from "../errors";
import type { Grant } from "../generated/prisma/client";
import { newId } from "../new-id";
import type { DbClient } from "../transaction";
import { deleteOAuthRecordsOfGrant } from "./oauth-records";

/** Creates a grant (an agent's bearer token, stored as its hash); serverId null means every server. */
export async function createGrant(
  db: DbClient,
  tenantId: string,
  input: {
    label: string;
    tokenHash: string;
    tokenPrefix: string;
    serverId?: string | null;
    expiresAt?: Date | null;
    createdById?: string | null;
    /** The OAuth client whose consent created the grant. */
    oauthClient?: { id: string; name: string } | null;
  },
): Promise<Grant> {
  const serverId = input.serverId ?? null;
  if (serverId !== null) {
    const server = await db.server.findFirst({ where: { id: serverId, tenantId }, select: { id: true } });
    if (server === null) throw new NotFoundError("Server", serverId);
  }
  return db.grant.create({
    data: {
      id: newId("grt"),
      tenantId,
      serverId,
      label: input.label,
      tokenHash: input.tokenHash,
      tokenPrefix: input.tokenPrefix,
      expiresAt: input.expiresAt ?? null,
      createdById: input.createdById ?? null,
      oauthClientId: input.oauthClient?.id ?? null,
      oauthClientName: input.oauthClient?.name ?? null,
    },
  });
}

/** The tenant's grants, newest first (revoked ones included). */
export async function listGrants(db: Db, tenantId: string): Promise<Grant[]> {
  return db.grant.findMany({ where: { tenantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Revokes the grant (idempotent: keeps the first revocation time); null if not the tenant's. */
export async function revokeGrant(db: DbClient, tenantId: string, grantId: string): Promise<Grant | null> {
  await db.grant.updateMany({
    where: { id: grantId, tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const grant = await db.grant.findFirst({ where: { id: grantId, tenantId } });
  if (grant === null) return null;
  // OAuth codes and refresh tokens issued under the grant go with it (access tokens die at the gateway).
  await deleteOAuthRecordsOfGrant(db, tenantId, grantId);
  await notifyChange(db, { kind: "grant", tenantId, grantId, tokenHash: grant.tokenHash });
  return grant;
}

/** The grant whose token hashes to `tokenHash` (revoked or expired included: the caller decides). */
export async function findGrantByTokenHash(db: Db, tokenHash: string): Promise<Grant | null> {
  return db.grant.findUnique({ where: { tokenHash } });
}

/** Records that these grants were used at `at`; never moves lastUsedAt backwards. */
export async function touchGrantsLastUsed(db: Db, grantIds: string[], at: Date): Promise<void> {
  if (grantIds.length === 0) return;
  await db.grant.updateMany({
    where: { id: { in: grantIds }, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] },
    data: { lastUsedAt: at },
  });
}

/** The grant with this id in the tenant, or null. */
export async function findGrant(db: Db, tenantId: string, grantId: string): Promise<Grant | null> {
  return db.grant.findFirst({ where: { id: grantId, tenantId } });
}
