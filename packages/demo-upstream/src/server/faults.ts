import { z } from "zod";

/** How a faulted tool fails: an HTTP 500 with no JSON-RPC answer, or the connection dropped. */
export const faultModeSchema = z.enum(["http_500", "disconnect"]);
export type FaultMode = z.infer<typeof faultModeSchema>;

/** Body of POST /faults: set (or with mode null, clear) the fault of one tool. */
export const faultRequestSchema = z.object({ tool: z.string().min(1), mode: faultModeSchema.nullable() });

const toolCallSchema = z.object({
  method: z.literal("tools/call"),
  params: z.object({ name: z.string() }),
});

/** The first tool called in a JSON-RPC message or batch that has a fault set, with its fault. */
export function findFault(
  body: unknown,
  faults: ReadonlyMap<string, FaultMode>,
): { tool: string; mode: FaultMode } | undefined {
  for (const message of Array.isArray(body) ? body : [body]) {
    const call = toolCallSchema.safeParse(message);
    if (!call.success) continue;
    const mode = faults.get(call.data.params.name);
    if (mode !== undefined) return { tool: call.data.params.name, mode };
  }
  return undefined;
}
