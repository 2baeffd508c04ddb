import type { PublishedServerCatalogue } from "@toolgate/db";
import type { CatalogueServer, CatalogueTool } from "./catalogue-schema";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The public slug of a tenant's published server: "<tenant>-<server>". */
export function publishedSlug(tenantSlug: string, serverSlug: string): string {
  return `${tenantSlug}-${serverSlug}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
}

/**
 * A tenant's published server as a public catalogue record: its name and tool list only.
 * The upstream URL and credentials are never read here, so they cannot leak into a page.
 */
export function publishedServerRecord(published: PublishedServerCatalogue): CatalogueServer {
  const tools: CatalogueTool[] = published.tools.map((tool) => ({
    name: tool.name,
    ...(tool.description === "" ? {} : { description: tool.description }),
    inputSchema: tool.inputSchema,
    ...(isRecord(tool.annotations) ? { annotations: tool.annotations } : {}),
  }));
  return {
    slug: publishedSlug(published.tenantSlug, published.serverSlug),
    // Organisation and server names need not be unique; their slugs are, and titles must be.
    name: `${published.serverName} (${published.tenantSlug}/${published.serverSlug})`,
    description: `The ${published.serverName} MCP server's tools as ${published.tenantName} catalogued them in Toolgate and chose to publish.`,
    source: { kind: "tenant", organisation: published.tenantName },
    importedAt: (published.lastScannedAt ?? published.publishedAt).toISOString(),
    urlHint: `Published by ${published.tenantName}; its address is not public. Register your own ${published.serverName} server's URL.`,
    tools,
  };
}
