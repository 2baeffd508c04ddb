import { type Db, listServers, listTools, serverToolPrefix } from "@toolgate/db";
import { isShortenedName, prefixedName } from "@toolgate/upstream";
import { assertCan, type SessionContext } from "../context";

/** A tool whose name on the tenant URL a client could not guess from its server's slug and its own name. */
export type ExposedToolName = {
  exposed: string;
  serverName: string;
  serverSlug: string;
  tool: string;
  /** Cut to 64 characters with a hash; otherwise only the server's own prefix differs from its slug. */
  shortened: boolean;
};

/**
 * The catalogued tools whose tenant-URL name is shortened or uses a server's own prefix, with the
 * server and original name each stands for; the names come from the gateway's own function.
 */
export async function tenantUrlNameMapping(db: Db, ctx: SessionContext): Promise<ExposedToolName[]> {
  assertCan(ctx, "read");
  const servers = await listServers(db, ctx.tenantId);
  const perServer = await Promise.all(
    servers.map(async (server) => {
      const prefix = serverToolPrefix(server);
      const tools = await listTools(db, ctx.tenantId, server.id);
      return tools
        .map((tool) => ({
          exposed: prefixedName(prefix, tool.name),
          serverName: server.name,
          serverSlug: server.slug,
          tool: tool.name,
          shortened: isShortenedName(prefix, tool.name),
        }))
        .filter((entry) => entry.shortened || prefix !== server.slug);
    }),
  );
  return perServer.flat();
}
