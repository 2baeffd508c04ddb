import { STATELESS_VERSION } from "./stateless-upstream";

export type RpcReply = { status: number; body: Record<string, unknown> };

/** Routing headers for a request as a conforming 2026-07-28 client sends them. */
export function routingHeaders(method: string, params: Record<string, unknown>): Record<string, string> {
  const name = method === "resources/read" ? params.uri : params.name;
  return { "mcp-method": method, ...(typeof name === "string" ? { "mcp-name": name } : {}) };
}

/**
 * A small MCP 2026-07-28 client written from the spec (the SDK on the registry speaks up to
 * 2025-11-25): JSON-RPC over HTTP POST, no session, version and capabilities in every request's
 * `_meta`, routing headers mirrored from the body. `headers` overrides them, to send bad ones.
 */
export function statelessClient(url: string, token: string, capabilities: Record<string, unknown> = {}) {
  let nextId = 1;
  return {
    async request(
      method: string,
      params: Record<string, unknown> = {},
      headers: Record<string, string> = routingHeaders(method, params),
    ): Promise<RpcReply> {
      const meta = {
        "io.modelcontextprotocol/protocolVersion": STATELESS_VERSION,
        "io.modelcontextprotocol/clientCapabilities": capabilities,
        "io.modelcontextprotocol/clientInfo": { name: "stateless-test-client", version: "1.0.0" },
        ...((params._meta as Record<string, unknown> | undefined) ?? {}),
      };
      const response = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          "mcp-protocol-version": STATELESS_VERSION,
          ...headers,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params: { ...params, _meta: meta } }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}
