import { notifyChange } from "../changes/notify-change";
import type { Db } from "../create-db";
import { NotFoundError, PolicyConflictError } from "../errors";
import type { PolicyVersion } from "../generated/prisma/client";
import { toJson } from "../json-input";
import { newId } from "../new-id";
import { type DbClient, inTransaction } from "../transaction";

/**
 * Publishes a new immutable version (current + 1) and makes it current. With `baseVersion`
 * (the version the author edited; null for "none yet") a concurrent publish is a conflict.
 */
export async function publishPolicy(
  db: DbClient,
  tenantId: string,
  serverId: string,
  input: { document: unknown; message?: string; authorId?: string | null; baseVersion?: number | null },
): Promise<PolicyVersion> {
  const published = await inTransaction(db, async (tx) => {
    const server = await tx.server.findFirst({ where: { id: serverId, tenantId }, select: { id: true } });
    if (server === null) throw new NotFoundError("Server", serverId);
    // one Policy row per server; created on first publish, then locked so publishes queue up
    await tx.$executeRaw`
      INSERT INTO "Policy" ("id", "tenantId", "serverId", "updatedAt")
      VALUES (${newId("pol")}, ${tenantId}, ${serverId}, now())
      ON CONFLICT ("serverId") DO NOTHING`;
    const locked = await tx.$queryRaw<{ id: string; currentVersion: number | null }[]>`
      SELECT "id", "currentVersion" FROM "Policy" WHERE "serverId" = ${serverId} FOR UPDATE`;
    const policy = locked[0];
    if (policy === undefined) throw new NotFoundError("Policy", serverId);
    if (input.baseVersion !== undefined && input.baseVersion !== policy.currentVersion) {
      throw new PolicyConflictError(input.baseVersion, policy.currentVersion);
    }
    const version = (policy.currentVersion ?? 0) + 1;
    const row = await tx.policyVersion.create({
      data: {
        id: newId("pv"),
        tenantId,
        policyId: policy.id,
        version,
        document: toJson(input.document),
        message: input.message ?? "",
        authorId: input.authorId ?? null,
      },
    });
    await tx.policy.update({ where: { id: policy.id }, data: { currentVersion: version } });
    return row;
  });
  await notifyChange(db, { kind: "policy", tenantId, serverId });
  return published;
}

/** The version in force for the server and its document, or null before the first publish. */
export async function getCurrentPolicy(
  db: Db,
  tenantId: string,
  serverId: string,
): Promise<{ version: number; document: unknown } | null> {
  const policy = await db.policy.findFirst({
    where: { serverId, tenantId },
    select: { currentVersion: true, id: true },
  });
  if (policy === null || policy.currentVersion === null) return null;
  const row = await db.policyVersion.findUnique({
    where: { policyId_version: { policyId: policy.id, version: policy.currentVersion } },
    select: { version: true, document: true },
  });
  return row === null ? null : { version: row.version, document: row.document };
}

/** Every published version of the server's policy, newest first. */
export async function listPolicyVersions(
  db: Db,
  tenantId: string,
  serverId: string,
): Promise<PolicyVersion[]> {
  return db.policyVersion.findMany({
    where: { tenantId, policy: { serverId, tenantId } },
    orderBy: { version: "desc" },
  });
}
