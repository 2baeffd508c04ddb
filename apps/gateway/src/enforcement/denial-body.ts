import type { RequestId } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "../protocol/protocol-revision";
import { gatewayResult } from "../protocol/result-shape";

/** A denied tools/call as the agent sees it: a normal JSON-RPC result with `isError: true`, valid in its revision. */
export function denialBody(id: RequestId, text: string, revision: ProtocolRevision): string {
  const result = gatewayResult(revision, { content: [{ type: "text", text }], isError: true });
  return JSON.stringify({ jsonrpc: "2.0", id, result });
}
