import type { Tool } from "@toolgate/db";

/** A catalogued tool with its effective risk class and pinning state. */
export type CatalogueToolView = {
  id: string;
  name: string;
  description: string;
  inputSchema: unknown;
  annotations: unknown;
  category: Tool["category"];
  risk: Tool["risk"];
  riskReason: string;
  classified: { category: Tool["category"]; risk: Tool["risk"] };
  pinState: Tool["pinState"];
  definitionHash: string;
  pendingDefinition: unknown;
  pendingHash: string | null;
  firstSeenAt: Date;
  updatedAt: Date;
};

/** A tool row as rendered: the tenant's overrides win over the classifier. */
export function toCatalogueToolView(tool: Tool): CatalogueToolView {
  return {
    id: tool.id,
    name: tool.name,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: tool.annotations,
    category: tool.categoryOverride ?? tool.category,
    risk: tool.riskOverride ?? tool.risk,
    riskReason: tool.riskReason,
    classified: { category: tool.category, risk: tool.risk },
    pinState: tool.pinState,
    definitionHash: tool.definitionHash,
    pendingDefinition: tool.pendingDefinition,
    pendingHash: tool.pendingHash,
    firstSeenAt: tool.firstSeenAt,
    updatedAt: tool.updatedAt,
  };
}
