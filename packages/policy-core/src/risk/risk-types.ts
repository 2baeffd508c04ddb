export type ToolCategory = "Read" | "Write" | "Execute" | "Destructive";
export type RiskLevel = "Low" | "Medium" | "High" | "Critical";

/** A tool as an MCP server describes it in tools/list. */
export type ToolDefinition = {
  name: string;
  description?: string;
  inputSchema?: unknown;
  annotations?: Record<string, unknown>;
};

/** A tool's category and risk, why, and for portmanteau tools the class of each action. */
export type RiskClass = {
  category: ToolCategory;
  risk: RiskLevel;
  reason: string;
  actions?: Record<string, { category: ToolCategory; risk: RiskLevel }>;
};

export const CATEGORY_ORDER: readonly ToolCategory[] = ["Read", "Write", "Execute", "Destructive"];
export const RISK_ORDER: readonly RiskLevel[] = ["Low", "Medium", "High", "Critical"];
