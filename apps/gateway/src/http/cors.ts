import type { ServerResponse } from "node:http";

const ALLOWED_HEADERS =
  "authorization, content-type, accept, mcp-protocol-version, mcp-session-id, last-event-id, mcp-method, mcp-name";

/** Lets a browser page on an allowed origin call the gateway and read the session header. */
export function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("access-control-expose-headers", "mcp-session-id");
  res.setHeader("vary", "origin");
}

/** Answers a CORS preflight from an allowed origin. */
export function answerPreflight(res: ServerResponse, origin: string): void {
  allowOrigin(res, origin);
  res
    .writeHead(204, {
      "access-control-allow-methods": "GET, POST, DELETE",
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "600",
    })
    .end();
}
