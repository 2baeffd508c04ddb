import type { IncomingHttpHeaders } from "node:http";
import { GatewayError } from "../errors/gateway-error";
import type { JsonRpcMessage } from "../jsonrpc/parse-message";
import type { ProtocolRevision } from "./protocol-revision";

// The body field each name-carrying method mirrors into Mcp-Name (SEP-2243, SEP-2663).
const NAME_FIELDS: Record<string, string> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
  "tasks/get": "taskId",
  "tasks/update": "taskId",
  "tasks/cancel": "taskId",
};

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  // HTTP allows optional whitespace around a field value; the comparison itself is exact.
  return typeof value === "string" ? value.trim() : undefined;
}

/** The body value a request's Mcp-Name header must mirror, if its method has one. */
function nameInBody(message: JsonRpcMessage): string | undefined {
  const field = message.method === undefined ? undefined : NAME_FIELDS[message.method];
  if (field === undefined) return undefined;
  const params = message.params;
  if (typeof params !== "object" || params === null) return undefined;
  const value = (params as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}

/**
 * Checks the Mcp-Method / Mcp-Name routing headers against the body of a client request. Routers
 * and upstreams act on the headers, the gateway's policy on the body: if they could disagree, a
 * call could be enforced as one tool and run as another. Required on the stateless wire; checked
 * whenever present on the session wire. A failure is the spec's HeaderMismatch (-32020, HTTP 400).
 */
export function checkRoutingHeaders(
  headers: IncomingHttpHeaders,
  message: JsonRpcMessage,
  revision: ProtocolRevision,
): void {
  if (message.method === undefined || message.id === undefined) return;
  const required = revision === "stateless";
  const method = headerValue(headers, "mcp-method");
  if (method === undefined ? required : method !== message.method) {
    throw new GatewayError(
      "header_mismatch",
      method === undefined
        ? `The Mcp-Method header is required and must be "${message.method}".`
        : `The Mcp-Method header (${method}) does not match the request's method (${message.method}).`,
    );
  }
  const bodyName = nameInBody(message);
  const name = headerValue(headers, "mcp-name");
  // A name-carrying method without its name is refused by the body's own validation.
  if (bodyName === undefined) return;
  if (name === undefined ? required : name !== bodyName) {
    throw new GatewayError(
      "header_mismatch",
      name === undefined
        ? `The Mcp-Name header is required for ${message.method} and must be "${bodyName}".`
        : `The Mcp-Name header (${name}) does not match the request body (${bodyName}).`,
    );
  }
}
