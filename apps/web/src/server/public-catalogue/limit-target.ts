import { type Db, listServers, listTools } from "@toolgate/db";
import type { IndexedTool } from "@/catalogue/catalogue-index";
import { matchTenantServer } from "@/catalogue/match-tenant-server";
import { builderDraftPath, registerForToolPath } from "@/catalogue/public-pages";
import { assertCan, type SessionContext } from "../context";

/**
 * Where "Limit this tool" takes a signed-in user: the builder of their server of the same
 * kind with the rule as a draft, else the register-server step for that catalogue server.
 */
export async function limitTarget(db: Db, ctx: SessionContext, indexed: IndexedTool): Promise<string> {
  assertCan(ctx, "read");
  const servers = await listServers(db, ctx.tenantId);
  const withTools = await Promise.all(
    servers.map(async (server) => ({
      id: server.id,
      toolNames: (await listTools(db, ctx.tenantId, server.id)).map((tool) => tool.name),
    })),
  );
  const catalogueNames = indexed.server.tools.map((tool) => tool.name);
  const serverId = matchTenantServer(catalogueNames, indexed.tool.name, withTools);
  return serverId === undefined
    ? registerForToolPath(indexed.server.slug, indexed.tool.name)
    : builderDraftPath(serverId, indexed.server.slug, indexed.tool.name);
}
