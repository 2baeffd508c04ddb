import { classifyTool, type RiskClass, type RiskLevel, type ToolCategory } from "@toolgate/policy-core";
import type { CatalogueServer, CatalogueTool } from "./catalogue-schema";

export const CATEGORIES: readonly ToolCategory[] = ["Read", "Write", "Execute", "Destructive"];
export const RISKS: readonly RiskLevel[] = ["Low", "Medium", "High", "Critical"];

/** A catalogued tool with its risk class and lower-cased search text, computed once per index. */
export type IndexedTool = {
  server: CatalogueServer;
  tool: CatalogueTool;
  riskClass: RiskClass;
  searchText: string;
};

export type IndexedServer = {
  server: CatalogueServer;
  tools: IndexedTool[];
  counts: Record<ToolCategory, number>;
  searchText: string;
};

/** The public catalogue in memory: servers by slug, tools by name, classified once. */
export type CatalogueIndex = {
  servers: IndexedServer[];
  server(slug: string): IndexedServer | undefined;
  tool(serverSlug: string, toolName: string): IndexedTool | undefined;
  toolCount: number;
};

/** Builds the index from server records (listed by name); of two records with one slug the first wins. */
export function buildCatalogueIndex(records: readonly CatalogueServer[]): CatalogueIndex {
  const unique = new Map<string, CatalogueServer>();
  for (const record of records) if (!unique.has(record.slug)) unique.set(record.slug, record);
  const bySlug = new Map<string, IndexedServer>();
  const byTool = new Map<string, IndexedTool>();
  for (const server of [...unique.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const counts: Record<ToolCategory, number> = { Read: 0, Write: 0, Execute: 0, Destructive: 0 };
    const tools: IndexedTool[] = [];
    const searchText = `${server.name} ${server.slug} ${server.description}`.toLowerCase();
    for (const tool of server.tools) {
      const key = `${server.slug}/${tool.name}`;
      if (byTool.has(key)) continue;
      const toolText = `${tool.name} ${tool.description ?? ""}`.toLowerCase();
      const indexed = {
        server,
        tool,
        riskClass: classifyTool(tool),
        searchText: `${toolText} ${searchText}`,
      };
      counts[indexed.riskClass.category] += 1;
      tools.push(indexed);
      byTool.set(key, indexed);
    }
    bySlug.set(server.slug, { server, tools, counts, searchText });
  }
  return {
    servers: [...bySlug.values()],
    server: (slug) => bySlug.get(slug),
    tool: (serverSlug, toolName) => byTool.get(`${serverSlug}/${toolName}`),
    toolCount: byTool.size,
  };
}
