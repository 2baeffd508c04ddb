import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { type FaultMode, faultRequestSchema, findFault } from "./faults";
import { BodyError, readJsonBody } from "./read-json-body";
import type { SessionRegistry } from "./session-registry";

/** What the HTTP layer needs from a running demo instance. */
export type DemoHttpContext = {
  sessions: SessionRegistry;
  faults: Map<string, FaultMode>;
  newSessionServer: () => Server;
  stats: () => unknown;
  onFault: (tool: string) => void;
};

/** Routes /mcp (Streamable HTTP), /stats and /faults. */
export function createDemoRequestHandler(context: DemoHttpContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (path === "/mcp") return await handleMcp(context, req, res);
      if (path === "/stats" && req.method === "GET") return sendJson(res, 200, context.stats());
      if (path === "/faults") return await handleFaults(context, req, res);
      sendJson(res, 404, { error: `Nothing at ${req.method ?? "GET"} ${path}. MCP is served at /mcp.` });
    } catch (error) {
      if (error instanceof BodyError) {
        return sendJson(res, 400, jsonRpcError(-32700, error.message));
      }
      if (!res.headersSent) sendJson(res, 500, jsonRpcError(-32603, "Internal error in the demo upstream."));
      throw error;
    }
  };
}

async function handleMcp(context: DemoHttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const sessionHeader = req.headers["mcp-session-id"];
  const sessionId = typeof sessionHeader === "string" ? sessionHeader : undefined;
  const body = req.method === "POST" ? await readJsonBody(req) : undefined;

  if (sessionId === undefined) {
    if (req.method === "POST" && isInitializeRequest(body))
      return await startSession(context, req, res, body);
    return sendJson(res, 400, jsonRpcError(-32000, "Bad Request: Mcp-Session-Id header is required."));
  }
  const session = context.sessions.get(sessionId);
  if (session === undefined) return sendJson(res, 404, jsonRpcError(-32001, "Session not found or expired."));

  const fault = findFault(body, context.faults);
  if (fault !== undefined) {
    context.onFault(fault.tool);
    if (fault.mode === "disconnect") return void req.socket.destroy();
    res.writeHead(500, { "content-type": "text/plain" }).end(`Injected fault for tool ${fault.tool}`);
    return;
  }
  const done = context.sessions.track(sessionId);
  res.once("close", done);
  await session.transport.handleRequest(req, res, body);
}

async function startSession(
  context: DemoHttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
): Promise<void> {
  const server = context.newSessionServer();
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id): void => context.sessions.add(id, server, transport),
  });
  transport.onclose = () => {
    if (transport.sessionId !== undefined) context.sessions.remove(transport.sessionId);
  };
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
  // A failed initialize leaves a transport without a session: nothing will ever reach it again.
  if (transport.sessionId === undefined) await server.close();
}

async function handleFaults(
  context: DemoHttpContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method === "GET") return sendJson(res, 200, Object.fromEntries(context.faults));
  if (req.method === "DELETE") {
    context.faults.clear();
    return sendJson(res, 200, {});
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "Use GET, POST or DELETE on /faults." });
  const parsed = faultRequestSchema.safeParse(await readJsonBody(req));
  if (!parsed.success) {
    return sendJson(res, 400, {
      error: 'Expected {"tool": "<name>", "mode": "http_500" | "disconnect" | null}.',
    });
  }
  if (parsed.data.mode === null) context.faults.delete(parsed.data.tool);
  else context.faults.set(parsed.data.tool, parsed.data.mode);
  sendJson(res, 200, Object.fromEntries(context.faults));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function jsonRpcError(code: number, message: string) {
  return { jsonrpc: "2.0", error: { code, message }, id: null };
}
