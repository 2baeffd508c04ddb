import type { RiskLevel, ToolCategory } from "@toolgate/policy-core";

/** A catalogued tool as the builder sees it (from the server's catalogue, overrides applied). */
export type CatalogueTool = {
  name: string;
  description: string;
  category: ToolCategory;
  risk: RiskLevel;
  inputSchema: unknown;
};
