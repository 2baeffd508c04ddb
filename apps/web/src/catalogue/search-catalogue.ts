import type { RiskLevel, ToolCategory } from "@toolgate/policy-core";
import { z } from "zod";
import {
  CATEGORIES,
  type CatalogueIndex,
  type IndexedServer,
  type IndexedTool,
  RISKS,
} from "./catalogue-index";

const optionalText = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.string().trim().max(100).optional().catch(undefined),
);

/** The catalogue page's query string: free text, category and risk; anything unknown is ignored. */
export const catalogueQuerySchema = z.object({
  q: optionalText,
  category: z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.enum(CATEGORIES).optional().catch(undefined),
  ),
  risk: z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.enum(RISKS).optional().catch(undefined),
  ),
});

export type CatalogueQuery = {
  q?: string | undefined;
  category?: ToolCategory | undefined;
  risk?: RiskLevel | undefined;
};

export type CatalogueResults = { servers: IndexedServer[]; tools: IndexedTool[]; totalTools: number };

const MAX_TOOLS = 100;

/** Servers whose name, description or tools match, and the matching tools (at most 100 shown). */
export function searchCatalogue(index: CatalogueIndex, query: CatalogueQuery): CatalogueResults {
  const terms = (query.q ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== "");
  const filtering = terms.length > 0 || query.category !== undefined || query.risk !== undefined;
  if (!filtering) return { servers: index.servers, tools: [], totalTools: 0 };
  const servers: IndexedServer[] = [];
  const tools: IndexedTool[] = [];
  let totalTools = 0;
  for (const entry of index.servers) {
    const serverText = entry.searchText;
    let matchedHere = 0;
    for (const indexed of entry.tools) {
      if (query.category !== undefined && indexed.riskClass.category !== query.category) continue;
      if (query.risk !== undefined && indexed.riskClass.risk !== query.risk) continue;
      if (!terms.every((term) => indexed.searchText.includes(term))) continue;
      matchedHere += 1;
      totalTools += 1;
      if (tools.length < MAX_TOOLS) tools.push(indexed);
    }
    const serverMatches = terms.length > 0 && terms.every((term) => serverText.includes(term));
    if (matchedHere > 0 || (serverMatches && query.category === undefined && query.risk === undefined)) {
      servers.push(entry);
    }
  }
  return { servers, tools, totalTools };
}
