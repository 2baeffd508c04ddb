import { type Db, getServer, getTenant, recordAudit, setServerCataloguePublished } from "@toolgate/db";
import { serverPath } from "@/catalogue/public-pages";
import { publishedSlug } from "@/catalogue/published-server-record";
import { AppError } from "../app-error";
import { assertCan, type SessionContext } from "../context";
import { forgetPublishedCatalogues } from "./public-catalogue";

/**
 * Publishes a registered server's tool list to the public catalogue, or withdraws it. Admins
 * only; audited. Only the server's name and tools become public, never its URL or credentials.
 */
export async function publishServerCatalogue(
  db: Db,
  ctx: SessionContext,
  serverId: string,
  published: boolean,
): Promise<void> {
  assertCan(ctx, "publish_catalogue");
  const server = await getServer(db, ctx.tenantId, serverId);
  if (server === null) throw new AppError("not_found", "Server not found.");
  await db.$transaction(async (tx) => {
    await setServerCataloguePublished(tx, ctx.tenantId, server.id, published);
    await recordAudit(tx, ctx.tenantId, {
      actorUserId: ctx.userId,
      action: published ? "server.catalogue_published" : "server.catalogue_withdrawn",
      targetType: "server",
      targetId: server.id,
      data: { name: server.name },
    });
  });
  forgetPublishedCatalogues();
}

/** Whether the server's tool list is in the public catalogue, and under which page. */
export async function serverCatalogueState(
  db: Db,
  ctx: SessionContext,
  serverId: string,
): Promise<{ publishedAt: Date | null; publicPath: string }> {
  assertCan(ctx, "read");
  const [server, tenant] = await Promise.all([
    getServer(db, ctx.tenantId, serverId),
    getTenant(db, ctx.tenantId),
  ]);
  if (server === null || tenant === null) throw new AppError("not_found", "Server not found.");
  return {
    publishedAt: server.cataloguePublishedAt,
    publicPath: serverPath(publishedSlug(tenant.slug, server.slug)),
  };
}
