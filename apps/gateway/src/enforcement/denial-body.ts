import type { RequestId } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import { gatewayResult } from "../protocol/result-shape";

/** A denied tools/call as the agent sees it: a normal JSON-RPC result with `isError: true`, valid in its revision. */
export function denialBody(id: RequestId, text: string, revision: ProtocolRevision): string {
  const result = gatewayResult(revision, { content: [{ type: "text", text }], isError: true });
  return JSON.stringify({ jsonrpc: "2.0", id, result });
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
