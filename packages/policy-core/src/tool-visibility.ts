import type { CompiledPolicy } from "./compile/compiled-policy";
import { resolveTool } from "./compile/resolve-tool";

/**
 * Whether tools/list shows the tool: true iff some call to it could be allowed (not hidden,
 * not denied outright, not caught by default deny). Uses the same resolution as evaluateCall.
 */
export function isToolVisible(policy: CompiledPolicy, toolName: string): boolean {
  return resolveTool(policy, toolName).visible;
}

/** The tools of a tools/list result that the policy lets an agent call, order kept. */
export function filterToolList<T extends { name: string }>(policy: CompiledPolicy, tools: T[]): T[] {
  return tools.filter((tool) => isToolVisible(policy, tool.name));
}
