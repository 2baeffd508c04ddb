import type { Db } from "@toolgate/db";
import { assertCan, type SessionContext } from "../context";

/** One thing the command palette can jump to. */
export type QuickSearchItem = {
  kind: "server" | "tool" | "grant";
  label: string;
  detail: string;
  href: string;
};

const MAX_TOOLS = 1000;

/** The tenant's servers, tools and grants as palette entries, each linking to its page. */
export async function quickSearchIndex(db: Db, ctx: SessionContext): Promise<QuickSearchItem[]> {
  assertCan(ctx, "read");
  const tenantId = ctx.tenantId;
  const [servers, tools, grants] = await Promise.all([
    db.server.findMany({
      where: { tenantId },
      select: { id: true, name: true, slug: true },
      orderBy: { name: "asc" },
    }),
    db.tool.findMany({
      where: { tenantId },
      select: { name: true, serverId: true, category: true },
      orderBy: { name: "asc" },
      take: MAX_TOOLS,
    }),
    db.grant.findMany({
      where: { tenantId },
      select: { id: true, label: true, revokedAt: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const serverNames = new Map(servers.map((server) => [server.id, server.name]));
  return [
    ...servers.map((server) => ({
      kind: "server" as const,
      label: server.name,
      detail: server.slug,
      href: `/servers/${server.id}`,
    })),
    ...tools.map((tool) => ({
      kind: "tool" as const,
      label: tool.name,
      detail: `${tool.category} · ${serverNames.get(tool.serverId) ?? ""}`,
      href: `/servers/${tool.serverId}/policy?tool=${encodeURIComponent(tool.name)}`,
    })),
    ...grants.map((grant) => ({
      kind: "grant" as const,
      label: grant.label,
      detail: grant.revokedAt === null ? "grant" : "revoked grant",
      href: `/logs?grant=${encodeURIComponent(grant.id)}`,
    })),
  ];
}
