import type { RequestId } from "../jsonrpc/parse-message";

/** A denied tools/call as the agent sees it: a normal JSON-RPC result with `isError: true`. */
export function denialBody(id: RequestId, text: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text }], isError: true } });
}
