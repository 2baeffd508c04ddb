import type { CatalogueEntry } from "@toolgate/db";
import { classifyTool } from "@toolgate/policy-core";
import { hashToolDefinition, type UpstreamTool } from "@toolgate/upstream";

/** A discovered tool as stored in the catalogue: its definition, risk class and definition hash. */
export function toCatalogueEntry(tool: UpstreamTool): CatalogueEntry {
  const riskClass = classifyTool(tool);
  return {
    name: tool.name,
    description: tool.description ?? "",
    inputSchema: tool.inputSchema ?? {},
    annotations: tool.annotations ?? null,
    category: riskClass.category,
    risk: riskClass.risk,
    riskReason: riskClass.reason,
    definitionHash: hashToolDefinition(tool),
  };
}
