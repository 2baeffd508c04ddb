import type { Db } from "../create-db";
import type { Prisma } from "../generated/prisma/client";

/** A published server as the public catalogue may show it: no URL, no headers, no ids of its tenant. */
export type PublishedServerCatalogue = {
  tenantSlug: string;
  tenantName: string;
  serverSlug: string;
  serverName: string;
  publishedAt: Date;
  lastScannedAt: Date | null;
  tools: {
    name: string;
    description: string;
    inputSchema: Prisma.JsonValue;
    annotations: Prisma.JsonValue;
  }[];
};

/** Publishes (or withdraws) a server's tool list to the public catalogue; false if not the tenant's. */
export async function setServerCataloguePublished(
  db: Db | Prisma.TransactionClient,
  tenantId: string,
  serverId: string,
  published: boolean,
): Promise<boolean> {
  const { count } = await db.server.updateMany({
    where: { id: serverId, tenantId },
    data: { cataloguePublishedAt: published ? new Date() : null },
  });
  return count === 1;
}

/** Every server an admin has published, across tenants, with only the fields the public may see. */
export async function listPublishedServerCatalogues(db: Db): Promise<PublishedServerCatalogue[]> {
  const rows = await db.server.findMany({
    where: { cataloguePublishedAt: { not: null } },
    orderBy: [{ cataloguePublishedAt: "asc" }, { id: "asc" }],
    select: {
      slug: true,
      name: true,
      cataloguePublishedAt: true,
      lastScannedAt: true,
      tenant: { select: { slug: true, name: true } },
      tools: {
        orderBy: { name: "asc" },
        select: { name: true, description: true, inputSchema: true, annotations: true },
      },
    },
  });
  return rows.flatMap((row) =>
    row.cataloguePublishedAt === null
      ? []
      : [
          {
            tenantSlug: row.tenant.slug,
            tenantName: row.tenant.name,
            serverSlug: row.slug,
            serverName: row.name,
            publishedAt: row.cataloguePublishedAt,
            lastScannedAt: row.lastScannedAt,
            tools: row.tools,
          },
        ],
  );
}
