import { notifyChange } from "../changes/notify-change";
import type { Db } from "../create-db";
import { ToolPrefixTakenError } from "../errors";
import type { Server, Tenant, Transport } from "../generated/prisma/client";
import { newId } from "../new-id";
import type { DbClient } from "../transaction";
import { isUniqueViolation } from "../unique-violation";
import { insertWithUniqueSlug } from "./unique-slug";

/** Registers an upstream MCP server; its slug comes from the name and is unique within the tenant. */
export async function createServer(
  db: DbClient,
  tenantId: string,
  input: { name: string; url: string; transport: Transport; headersSealed: string | null },
): Promise<Server> {
  const server = await insertWithUniqueSlug({
    name: input.name,
    fallback: "server",
    takenSlugs: async (base) => {
      // A slug is also the default tool prefix, so one another server took as its prefix is taken too.
      const rows = await db.server.findMany({
        where: { tenantId, OR: [{ slug: { startsWith: base } }, { toolPrefix: { startsWith: base } }] },
        select: { slug: true, toolPrefix: true },
      });
      return rows.flatMap((r) => (r.toolPrefix === null ? [r.slug] : [r.slug, r.toolPrefix]));
    },
    insert: (slug) =>
      db.server.create({
        data: {
          id: newId("srv"),
          tenantId,
          slug,
          name: input.name,
          url: input.url,
          transport: input.transport,
          headersSealed: input.headersSealed,
        },
      }),
  });
  // a gateway may have cached "no such server" for this slug
  await notifyChange(db, { kind: "server", tenantId, serverId: server.id });
  return server;
}

/** The tenant's servers, by name. */
export async function listServers(db: DbClient, tenantId: string): Promise<Server[]> {
  return db.server.findMany({ where: { tenantId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** The server if it belongs to the tenant, else null. */
export async function getServer(db: DbClient, tenantId: string, serverId: string): Promise<Server | null> {
  return db.server.findFirst({ where: { id: serverId, tenantId } });
}

/** Deletes the server with its catalogue, policy and server-bound grants; false if not the tenant's. */
export async function deleteServer(db: DbClient, tenantId: string, serverId: string): Promise<boolean> {
  const { count } = await db.server.deleteMany({ where: { id: serverId, tenantId } });
  if (count === 0) return false;
  await notifyChange(db, { kind: "server", tenantId, serverId });
  return true;
}

/** What a server's tools and prompts are prefixed with on the tenant URL: its own prefix, or its slug. */
export function serverToolPrefix(server: { slug: string; toolPrefix: string | null }): string {
  return server.toolPrefix ?? server.slug;
}

/**
 * Sets the prefix of a server's tools on the tenant URL (null: back to its slug). Throws
 * ToolPrefixTakenError when another server of the tenant already exposes that prefix; null if
 * the server is not the tenant's. The caller validates the prefix's characters and length.
 */
export async function setServerToolPrefix(
  db: DbClient,
  tenantId: string,
  serverId: string,
  toolPrefix: string | null,
): Promise<Server | null> {
  const server = await getServer(db, tenantId, serverId);
  if (server === null) return null;
  const effective = toolPrefix ?? server.slug;
  const clash = await db.server.findFirst({
    where: {
      tenantId,
      id: { not: serverId },
      OR: [{ toolPrefix: effective }, { toolPrefix: null, slug: effective }],
    },
    select: { slug: true },
  });
  if (clash !== null) throw new ToolPrefixTakenError(effective, clash.slug);
  try {
    await db.server.updateMany({ where: { id: serverId, tenantId }, data: { toolPrefix } });
  } catch (error) {
    // a concurrent update took the same prefix first
    if (isUniqueViolation(error)) throw new ToolPrefixTakenError(effective, "another server");
    throw error;
  }
  await notifyChange(db, { kind: "server", tenantId, serverId });
  return getServer(db, tenantId, serverId);
}

/** Resolves a gateway URL `/<tenant-slug>/<server-slug>/mcp` to its server and tenant. */
export async function findServerBySlugs(
  db: Db,
  tenantSlug: string,
  serverSlug: string,
): Promise<(Server & { tenant: Tenant }) | null> {
  return db.server.findFirst({
    where: { slug: serverSlug, tenant: { slug: tenantSlug } },
    include: { tenant: true },
  });
}
