import { z } from "zod";
import type { CatalogueIndex, IndexedTool } from "./catalogue-index";

const intentSchema = z.object({
  catalogue: z.string().min(1).max(100),
  tool: z.string().min(1).max(200),
});

/** The catalogue tool a "Limit this tool" journey carries (query string or form), if it exists. */
export function limitIntent(index: CatalogueIndex, input: Record<string, unknown>): IndexedTool | undefined {
  const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const parsed = intentSchema.safeParse({ catalogue: first(input.catalogue), tool: first(input.tool) });
  return parsed.success ? index.tool(parsed.data.catalogue, parsed.data.tool) : undefined;
}
