import type { IncomingHttpHeaders } from "node:http";
import { GatewayError } from "../errors/gateway-error";
import type { JsonRpcMessage } from "../jsonrpc/parse-message";

/**
 * The two wires MCP speaks: "session" (up to 2025-11-25: initialize, Mcp-Session-Id) and
 * "stateless" (2026-07-28 on: version and capabilities in every request's `_meta`, results with
 * `resultType`, multi-round-trip requests instead of server-initiated ones).
 */
export type ProtocolRevision = "session" | "stateless";

/** The first revision of the stateless wire; revisions are dates, so later ones sort after it. */
export const FIRST_STATELESS_VERSION = "2026-07-28";

const META_VERSION = "io.modelcontextprotocol/protocolVersion";
const META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `_meta` object of a message's params, if any. */
export function metaOf(message: JsonRpcMessage): Record<string, unknown> | undefined {
  const params = message.params;
  if (!isRecord(params)) return undefined;
  return isRecord(params._meta) ? params._meta : undefined;
}

/** The client capabilities a stateless request declares in its `_meta` (empty if none). */
export function statelessCapabilities(message: JsonRpcMessage): Record<string, unknown> {
  const capabilities = metaOf(message)?.[META_CAPABILITIES];
  return isRecord(capabilities) ? capabilities : {};
}

/**
 * Which wire a client message is on: the `_meta` protocol version when the request carries one,
 * else the MCP-Protocol-Version header. A header and a `_meta` that disagree are refused, so the
 * gateway and the upstream can never read one request as two different revisions.
 */
export function protocolRevision(headers: IncomingHttpHeaders, message: JsonRpcMessage): ProtocolRevision {
  const header = headers["mcp-protocol-version"];
  const headerVersion = typeof header === "string" ? header.trim() : undefined;
  const metaVersion = metaOf(message)?.[META_VERSION];
  if (typeof metaVersion === "string") {
    if (headerVersion !== undefined && headerVersion !== metaVersion) {
      throw new GatewayError(
        "header_mismatch",
        `The MCP-Protocol-Version header (${headerVersion}) does not match the request's _meta protocol version (${metaVersion}).`,
      );
    }
    return metaVersion >= FIRST_STATELESS_VERSION ? "stateless" : "session";
  }
  return headerVersion !== undefined && headerVersion >= FIRST_STATELESS_VERSION ? "stateless" : "session";
}
