import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";

const toolCallParamsSchema = z.looseObject({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
});

export type ToolCallParams = { name: string; arguments: Record<string, unknown> };

/** The tool name and arguments of a `tools/call` request. */
export function toolCallParams(params: unknown): ToolCallParams {
  const fast = checkedByHand(params);
  if (fast !== undefined) return fast;
  const result = toolCallParamsSchema.safeParse(params);
  if (!result.success) {
    throw new GatewayError(
      "invalid_params",
      "Invalid tools/call: params need a tool 'name' and an 'arguments' object.",
      {
        cause: result.error,
      },
    );
  }
  return { name: result.data.name, arguments: result.data.arguments ?? {} };
}

/**
 * The check toolCallParamsSchema makes, by hand, for every tools/call: zod's record check copies the
 * arguments key by key. Undefined when the params do not pass; then zod gives the error.
 */
function checkedByHand(params: unknown): ToolCallParams | undefined {
  if (typeof params !== "object" || params === null || Array.isArray(params)) return undefined;
  const { name, arguments: args } = params as Record<string, unknown>;
  if (typeof name !== "string" || name.length === 0) return undefined;
  if (args === undefined) return { name, arguments: {} };
  if (typeof args !== "object" || args === null || Array.isArray(args)) return undefined;
  return { name, arguments: args as Record<string, unknown> };
}
