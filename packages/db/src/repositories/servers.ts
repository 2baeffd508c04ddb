import { notifyChange } from "../changes/notify-change";
import type { Db } from "../create-db";
import type { Server, Tenant, Transport } from "../generated/prisma/client";
import { newId } from "../new-id";
import type { DbClient } from "../transaction";
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
      const rows = await db.server.findMany({
        where: { tenantId, slug: { startsWith: base } },
        select: { slug: true },
      });
      return rows.map((r) => r.slug);
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
export async function listServers(db: Db, tenantId: string): Promise<Server[]> {
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
