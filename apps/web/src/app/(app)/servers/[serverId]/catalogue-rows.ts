import { diffPolicyDocuments } from "@toolgate/policy-core";
import type { CatalogueToolView } from "@/server/catalogue/catalogue-tool-view";
import type { ToolPolicyState } from "@/server/catalogue/tool-policy-state";
import type { CatalogueRow } from "./catalogue-table";

const pretty = (value: unknown) => JSON.stringify(value, null, 2) ?? "null";
const compact = (value: unknown) => (value === undefined ? null : (JSON.stringify(value) ?? null));

function definitionOf(value: unknown): { description: unknown; inputSchema: unknown; annotations: unknown } {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  return {
    description: record.description ?? "",
    inputSchema: record.inputSchema ?? {},
    annotations: record.annotations ?? null,
  };
}

/** Catalogue tools as the table's plain rows: JSON pre-rendered, the pending change as a field diff. */
export function catalogueRows(
  tools: (CatalogueToolView & { policy: { state: ToolPolicyState; rule: string } })[],
): CatalogueRow[] {
  return tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    description: tool.description,
    category: tool.category,
    risk: tool.risk,
    riskReason: tool.riskReason,
    overridden: tool.category !== tool.classified.category || tool.risk !== tool.classified.risk,
    classified: tool.classified,
    pinState: tool.pinState,
    schemaText: pretty(tool.inputSchema),
    annotationsText: tool.annotations === null ? null : pretty(tool.annotations),
    changes:
      tool.pendingHash === null
        ? null
        : diffPolicyDocuments(definitionOf(tool), definitionOf(tool.pendingDefinition)).map((change) => ({
            path: change.path,
            before: compact(change.before),
            after: compact(change.after),
          })),
    policy: tool.policy,
  }));
}
