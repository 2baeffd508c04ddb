import { z } from "zod";
import { GatewayError } from "../errors/gateway-error";

/** What a governed non-tool request is about: a resource by URI (or URI template), or a prompt by name. */
export type AccessTarget = {
  kind: "resource" | "prompt";
  name: string;
  args: Record<string, unknown>;
};

const uriParamsSchema = z.looseObject({ uri: z.string().min(1) });
const promptParamsSchema = z.looseObject({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
});
const completeParamsSchema = z.looseObject({
  ref: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("ref/prompt"), name: z.string().min(1) }),
    z.looseObject({ type: z.literal("ref/resource"), uri: z.string().min(1) }),
  ]),
});

function invalid(method: string, needs: string, cause: unknown): GatewayError {
  return new GatewayError("invalid_params", `Invalid ${method}: params need ${needs}.`, { cause });
}

/** The resource of a resources/read or resources/subscribe request. */
export function resourceParams(method: string, params: unknown): AccessTarget {
  const result = uriParamsSchema.safeParse(params);
  if (!result.success) throw invalid(method, "a resource 'uri'", result.error);
  return { kind: "resource", name: result.data.uri, args: {} };
}

/** The prompt and arguments of a prompts/get request. */
export function promptParams(params: unknown): AccessTarget {
  const result = promptParamsSchema.safeParse(params);
  if (!result.success) {
    throw invalid("prompts/get", "a prompt 'name' and an 'arguments' object", result.error);
  }
  return { kind: "prompt", name: result.data.name, args: result.data.arguments ?? {} };
}

/** The prompt or resource (template) a completion/complete request completes an argument of. */
export function completionTarget(params: unknown): AccessTarget {
  const result = completeParamsSchema.safeParse(params);
  if (!result.success) {
    throw invalid("completion/complete", "a 'ref' to a prompt (name) or a resource (uri)", result.error);
  }
  const { ref } = result.data;
  return ref.type === "ref/prompt"
    ? { kind: "prompt", name: ref.name, args: {} }
    : { kind: "resource", name: ref.uri, args: {} };
}
