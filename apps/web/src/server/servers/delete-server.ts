import {
  type DbClient,
  deleteServer as deleteServerRow,
  getServer,
  inTransaction,
  recordAudit,
} from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";

/** Deletes a server with its catalogue, policy and server-bound grants. */
export async function deleteServer(db: DbClient, ctx: SessionContext, serverId: string): Promise<void> {
  assertCan(ctx, "manage_servers");
  // The change and its audit event commit together (or neither does).
  return inTransaction(db, async (tx) => {
    const server = await getServer(tx, ctx.tenantId, serverId);
    if (server === null || !(await deleteServerRow(tx, ctx.tenantId, server.id))) {
      throw new AppError("not_found", "Server not found.");
    }
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: "server.deleted",
      targetType: "server",
      targetId: server.id,
      data: { name: server.name, url: server.url },
    });
  });
}
