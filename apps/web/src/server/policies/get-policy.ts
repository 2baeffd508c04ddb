import { type Db, getCurrentPolicy, getServer } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** The policy in force for a server: its version and document, both null before the first publish. */
export async function getPolicy(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const current = await getCurrentPolicy(db, ctx.tenantId, server.id);
  return { serverId: server.id, version: current?.version ?? null, document: current?.document ?? null };
}
