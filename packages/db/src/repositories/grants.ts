import { notifyChange } from "../changes/notify-change";
import type { Db } from "../create-db";
import { GrantServerBoundError, NotFoundError } from "../errors";
import type { Grant as GrantRow } from "../generated/prisma/client";
import { newId } from "../new-id";
import type { DbClient } from "../transaction";
import { deleteOAuthRecordsOfGrant } from "./oauth-records";

/**
 * A grant with the servers of its subset: `subsetServerIds` is null unless `serverSubset` is set
 * (then only those servers, possibly none once they were all deleted).
 */
export type Grant = GrantRow & { subsetServerIds: string[] | null };

const withSubset = { servers: { select: { serverId: true }, orderBy: { serverId: "asc" } } } as const;

function toGrant(row: GrantRow & { servers: { serverId: string }[] }): Grant {
  const { servers, ...grant } = row;
  return { ...grant, subsetServerIds: grant.serverSubset ? servers.map((s) => s.serverId) : null };
}

/** Checks that every id names a server of the tenant; throws NotFoundError for the first that does not. */
async function assertTenantServers(db: DbClient, tenantId: string, serverIds: string[]): Promise<void> {
  const found = await db.server.findMany({
    where: { tenantId, id: { in: serverIds } },
    select: { id: true },
  });
  const known = new Set(found.map((s) => s.id));
  const missing = serverIds.find((id) => !known.has(id));
  if (missing !== undefined) throw new NotFoundError("Server", missing);
}

/**
 * Creates a grant (an agent's bearer token, stored as its hash): bound to `serverId`, restricted
 * to the servers of `subsetServerIds`, or (both absent) valid for every server of the tenant.
 */
export async function createGrant(
  db: DbClient,
  tenantId: string,
  input: {
    label: string;
    tokenHash: string;
    tokenPrefix: string;
    serverId?: string | null;
    /** A tenant-wide grant limited to these servers (exclusive with serverId). */
    subsetServerIds?: string[] | null;
    expiresAt?: Date | null;
    createdById?: string | null;
    /** The OAuth client whose consent created the grant. */
    oauthClient?: { id: string; name: string } | null;
  },
): Promise<Grant> {
  const serverId = input.serverId ?? null;
  const subset = input.subsetServerIds == null ? null : [...new Set(input.subsetServerIds)];
  if (serverId !== null && subset !== null) {
    throw new Error("A grant is bound to one server or restricted to a subset, not both.");
  }
  await assertTenantServers(db, tenantId, serverId === null ? (subset ?? []) : [serverId]);
  const row = await db.grant.create({
    data: {
      id: newId("grt"),
      tenantId,
      serverId,
      serverSubset: subset !== null,
      servers: { create: (subset ?? []).map((id) => ({ serverId: id, tenantId })) },
      label: input.label,
      tokenHash: input.tokenHash,
      tokenPrefix: input.tokenPrefix,
      expiresAt: input.expiresAt ?? null,
      createdById: input.createdById ?? null,
      oauthClientId: input.oauthClient?.id ?? null,
      oauthClientName: input.oauthClient?.name ?? null,
    },
    include: withSubset,
  });
  return toGrant(row);
}

/**
 * Changes a grant's label and/or its servers (`subsetServerIds`: a list restricts it, null lets it
 * use every server); null if not the tenant's. A server-bound grant cannot take a subset.
 */
export async function updateGrant(
  db: DbClient,
  tenantId: string,
  grantId: string,
  input: { label?: string; subsetServerIds?: string[] | null },
): Promise<Grant | null> {
  const existing = await db.grant.findFirst({ where: { id: grantId, tenantId } });
  if (existing === null) return null;
  if (input.subsetServerIds !== undefined) {
    if (existing.serverId !== null) throw new GrantServerBoundError(grantId);
    const subset = input.subsetServerIds === null ? null : [...new Set(input.subsetServerIds)];
    await assertTenantServers(db, tenantId, subset ?? []);
    await db.grantServer.deleteMany({ where: { grantId, tenantId } });
    if (subset !== null && subset.length > 0) {
      await db.grantServer.createMany({ data: subset.map((serverId) => ({ grantId, serverId, tenantId })) });
    }
    await db.grant.updateMany({ where: { id: grantId, tenantId }, data: { serverSubset: subset !== null } });
  }
  if (input.label !== undefined) {
    await db.grant.updateMany({ where: { id: grantId, tenantId }, data: { label: input.label } });
  }
  // Gateways drop the cached grant, so the new servers apply from the agent's next request.
  await notifyChange(db, { kind: "grant", tenantId, grantId, tokenHash: existing.tokenHash });
  return findGrant(db, tenantId, grantId);
}

/** The tenant's grants, newest first (revoked ones included). */
export async function listGrants(db: Db, tenantId: string): Promise<Grant[]> {
  const rows = await db.grant.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: withSubset,
  });
  return rows.map(toGrant);
}

/** Revokes the grant (idempotent: keeps the first revocation time); null if not the tenant's. */
export async function revokeGrant(db: DbClient, tenantId: string, grantId: string): Promise<Grant | null> {
  await db.grant.updateMany({
    where: { id: grantId, tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const grant = await findGrant(db, tenantId, grantId);
  if (grant === null) return null;
  // OAuth codes and refresh tokens issued under the grant go with it (access tokens die at the gateway).
  await deleteOAuthRecordsOfGrant(db, tenantId, grantId);
  await notifyChange(db, { kind: "grant", tenantId, grantId, tokenHash: grant.tokenHash });
  return grant;
}

/** The grant whose token hashes to `tokenHash` (revoked or expired included: the caller decides). */
export async function findGrantByTokenHash(db: Db, tokenHash: string): Promise<Grant | null> {
  const row = await db.grant.findUnique({ where: { tokenHash }, include: withSubset });
  return row === null ? null : toGrant(row);
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
export async function findGrant(db: DbClient, tenantId: string, grantId: string): Promise<Grant | null> {
  const row = await db.grant.findFirst({ where: { id: grantId, tenantId }, include: withSubset });
  return row === null ? null : toGrant(row);
}
