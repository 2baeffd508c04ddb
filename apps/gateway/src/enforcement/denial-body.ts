import type { RequestId } from "../jsonrpc/parse-message";

/** A denied tools/call as the agent sees it: a normal JSON-RPC result with `isError: true`. */
export function denialBody(id: RequestId, text: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text }], isError: true } });
}

/** JSON-RPC error code of a denied request that has no tool-result shape (resources, prompts, completions). */
export const POLICY_DENIED_CODE = -32010;

/** A denied resources/read, resources/subscribe, prompts/get or completion/complete: a JSON-RPC error. */
export function accessDenialBody(id: RequestId, text: string, rule: string): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id,
    error: { code: POLICY_DENIED_CODE, message: text, data: { code: "policy_denied", rule } },
  });
}
