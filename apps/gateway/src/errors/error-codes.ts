/** Every error the gateway can answer with, by stable code: its HTTP status and JSON-RPC error code. */
export const errorCodes = {
  bad_request: { status: 400, rpc: -32600 },
  parse_error: { status: 400, rpc: -32700 },
  // A well-formed request whose params are wrong: a JSON-RPC error on a normal 200 answer, as MCP servers send.
  invalid_params: { status: 200, rpc: -32602 },
  method_not_found: { status: 200, rpc: -32601 },
  duplicate_key: { status: 400, rpc: -32600 },
  nesting_too_deep: { status: 400, rpc: -32600 },
  unsupported_media_type: { status: 415, rpc: -32600 },
  misdirected_host: { status: 421, rpc: -32600 },
  unauthorized: { status: 401, rpc: -32001 },
  forbidden_origin: { status: 403, rpc: -32002 },
  not_found: { status: 404, rpc: -32004 },
  unknown_session: { status: 404, rpc: -32001 },
  method_not_allowed: { status: 405, rpc: -32600 },
  payload_too_large: { status: 413, rpc: -32600 },
  tenant_busy: { status: 429, rpc: -32005 },
  tenant_streams_busy: { status: 429, rpc: -32005 },
  stdio_capacity: { status: 503, rpc: -32005 },
  store_unavailable: { status: 503, rpc: -32005 },
  unsupported_batch: { status: 400, rpc: -32600 },
  // The spec's HeaderMismatch: routing headers (Mcp-Method, Mcp-Name, MCP-Protocol-Version) vs the body.
  header_mismatch: { status: 400, rpc: -32020 },
  upstream_unavailable: { status: 502, rpc: -32003 },
  upstream_rejected: { status: 502, rpc: -32003 },
  upstream_blocked: { status: 502, rpc: -32003 },
  upstream_redirected: { status: 502, rpc: -32003 },
  upstream_event_too_large: { status: 502, rpc: -32003 },
  upstream_timeout: { status: 504, rpc: -32003 },
  internal: { status: 500, rpc: -32603 },
} as const satisfies Record<string, { status: number; rpc: number }>;

export type GatewayErrorCode = keyof typeof errorCodes;
