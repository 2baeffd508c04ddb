import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";

const toolCallParamsSchema = z.looseObject({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
});

export type ToolCallParams = { name: string; arguments: Record<string, unknown> };

/** The tool name and arguments of a `tools/call` request. */
export function toolCallParams(params: unknown): ToolCallParams {
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
