import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { HypervisorError } from "../hypervisor/hypervisor-error";
import type { Hypervisor } from "../hypervisor/hypervisor-state";
import { toolHandlers } from "./tool-handlers";
import { errorReply } from "./tool-reply";

/** Runs a demo tool; refusals and bad arguments come back as `isError` results, bugs are rethrown. */
export function callDemoTool(hv: Hypervisor, name: string, args: Record<string, unknown>): CallToolResult {
  const handler = toolHandlers.get(name);
  if (handler === undefined) return errorReply(`Unknown tool "${name}".`);
  try {
    return handler(hv, args);
  } catch (error) {
    if (error instanceof HypervisorError) return errorReply(error.message);
    throw error;
  }
}
