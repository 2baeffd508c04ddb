import { type Db, getServer } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** What deleting a server removes with it, shown before the user confirms. */
export async function deletionImpact(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const scope = { tenantId: ctx.tenantId };
  const [tools, policyVersions, grants] = await Promise.all([
    db.tool.count({ where: { ...scope, serverId: server.id } }),
    db.policyVersion.count({ where: { ...scope, policy: { serverId: server.id } } }),
    db.grant.count({ where: { ...scope, serverId: server.id, revokedAt: null } }),
  ]);
  return { tools, policyVersions, grants };
}
