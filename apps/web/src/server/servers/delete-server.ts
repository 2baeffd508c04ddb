import { type Db, deleteServer as deleteServerRow, getServer, recordAudit } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Deletes a server with its catalogue, policy and server-bound grants. */
export async function deleteServer(db: Db, ctx: SessionContext, serverId: string): Promise<void> {
  assertCan(ctx, "manage_servers");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null || !(await deleteServerRow(db, ctx.tenantId, server.id))) {
    throw new AppError("not_found", "Server not found.");
  }
  await recordAudit(db, ctx.tenantId, {
    actorUserId: ctx.userId,
    action: "server.deleted",
    targetType: "server",
    targetId: server.id,
    data: { name: server.name, url: server.url },
  });
}
