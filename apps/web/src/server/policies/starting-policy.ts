import type { Tool } from "@toolgate/db";
import { type Policy, recommendPolicy, type ToolCategory } from "@toolgate/policy-core";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The policy offered to a server without one: the recommended rules for its catalogue,
 * honouring the tenant's category overrides.
 */
export function startingPolicy(tools: Tool[]): Policy {
  return recommendPolicy(
    tools.map((tool) => {
      const category: ToolCategory = tool.categoryOverride ?? tool.category;
      return {
        name: tool.name,
        description: tool.description,
        inputSchema: tool.inputSchema,
        ...(isRecord(tool.annotations) ? { annotations: tool.annotations } : {}),
        class: { category, risk: tool.riskOverride ?? tool.risk, reason: tool.riskReason },
      };
    }),
  );
}
