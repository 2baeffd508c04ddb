import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { Hypervisor } from "../hypervisor/hypervisor-state";
import { errorReply } from "./tool-reply";

/** Runs one tool against the hypervisor with raw MCP arguments. */
export type ToolHandler = (hv: Hypervisor, args: Record<string, unknown>) => CallToolResult;

/** Binds an argument schema to a tool body; bad arguments become a readable `isError` result. */
export function defineTool<S extends z.ZodType>(
  toolName: string,
  schema: S,
  run: (hv: Hypervisor, input: z.output<S>) => CallToolResult,
): ToolHandler {
  return (hv, args) => {
    const parsed = schema.safeParse(args, { reportInput: true });
    if (!parsed.success)
      return errorReply(`Invalid arguments for ${toolName}: ${describeIssues(parsed.error)}`);
    return run(hv, parsed.data);
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join(".") || "arguments";
      const missing = issue.code === "invalid_type" && issue.input === undefined;
      return missing ? `${field} is required` : `${field}: ${issue.message}`;
    })
    .join("; ");
}
