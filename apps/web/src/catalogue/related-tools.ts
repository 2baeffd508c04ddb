import type { CatalogueIndex, IndexedTool } from "./catalogue-index";

/** Up to `max` other tools of the same server, those of the same category and risk first. */
export function relatedTools(index: CatalogueIndex, of: IndexedTool, max = 6): IndexedTool[] {
  const tools = index.server(of.server.slug)?.tools ?? [];
  const others = tools.filter((tool) => tool.tool.name !== of.tool.name);
  const score = (tool: IndexedTool) =>
    (tool.riskClass.category === of.riskClass.category ? 2 : 0) +
    (tool.riskClass.risk === of.riskClass.risk ? 1 : 0);
  return others
    .map((tool, position) => ({ tool, position, score: score(tool) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, max)
    .map((entry) => entry.tool);
}
