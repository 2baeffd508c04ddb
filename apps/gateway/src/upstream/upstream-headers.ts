import type { IncomingHttpHeaders } from "node:http";

// The only client headers an upstream sees; Authorization and Cookie in particular never pass.
// Mcp-Method / Mcp-Name are checked against the body before anything is forwarded (protocol/).
const FORWARDED = [
  "content-type",
  "accept",
  "mcp-protocol-version",
  "last-event-id",
  "mcp-method",
  "mcp-name",
] as const;
// Custom parameter headers (Mcp-Param-*) mirror body fields for routers; the upstream checks them.
const PARAM_PREFIX = "mcp-param-";

/** The headers of an upstream request: the allowed protocol headers, the server's stored ones, the session. */
export function upstreamHeaders(
  client: IncomingHttpHeaders,
  stored: Record<string, string>,
  upstreamSessionId: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = client[name];
    if (typeof value === "string") headers[name] = value;
  }
  for (const [name, value] of Object.entries(client)) {
    if (name.startsWith(PARAM_PREFIX) && typeof value === "string") headers[name] = value;
  }
  Object.assign(headers, stored);
  if (upstreamSessionId !== undefined) headers["mcp-session-id"] = upstreamSessionId;
  return headers;
}
