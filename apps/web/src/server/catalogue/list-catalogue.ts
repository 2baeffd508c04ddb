import { type Db, getServer, listTools } from "@toolgate/db";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { toCatalogueToolView } from "./catalogue-tool-view";

/** One server's catalogue, by tool name, with risk classes and pinning state. */
export async function listCatalogue(db: Db, ctx: SessionContext, serverId: string) {
  assertCan(ctx, "read");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  const tools = await listTools(db, ctx.tenantId, server.id);
  return tools.map(toCatalogueToolView);
}
