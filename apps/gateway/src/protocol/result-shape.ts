import type { ProtocolRevision } from "./protocol-revision";

/**
 * A result the gateway itself answers with, in the shape the client's revision requires: on the
 * stateless wire every result names its `resultType` ("complete" for a final answer).
 */
export function gatewayResult(
  revision: ProtocolRevision,
  result: Record<string, unknown>,
): Record<string, unknown> {
  return revision === "stateless" ? { ...result, resultType: "complete" } : result;
}

/**
 * A list result the gateway filtered for one grant. On the stateless wire lists are cacheable; a
 * filtered one is that grant's view, so it must never be served from a shared cache to another.
 */
export function privateListResult(
  revision: ProtocolRevision,
  result: Record<string, unknown>,
): Record<string, unknown> {
  return revision === "stateless" ? { ...result, cacheScope: "private" } : result;
}
