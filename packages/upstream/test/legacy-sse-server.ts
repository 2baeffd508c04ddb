import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

/** A legacy HTTP+SSE MCP server (GET /sse, POST /messages) with two tools; optionally demands an API key. */
export async function startLegacySseServer(options: { apiKey?: string } = {}) {
  const transports = new Map<string, SSEServerTransport>();
  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (options.apiKey !== undefined && req.headers["x-api-key"] !== options.apiKey) {
      res.writeHead(401, { "content-type": "text/plain" }).end("missing or wrong X-Api-Key");
      return;
    }
    if (req.method === "GET" && url.pathname === "/sse") {
      const transport = new SSEServerTransport("/messages", res);
      transports.set(transport.sessionId, transport);
      transport.onclose = () => transports.delete(transport.sessionId);
      await legacyServer().connect(transport);
      return;
    }
    const transport = transports.get(url.searchParams.get("sessionId") ?? "");
    if (req.method === "POST" && url.pathname === "/messages" && transport !== undefined) {
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }

  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sse`,
    sessions: () => transports.size,
    close: async () => {
      await Promise.all([...transports.values()].map((t) => t.close()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

function legacyServer(): Server {
  const server = new Server({ name: "legacy-sse-test", version: "0.0.1" }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      {
        name: "ping",
        description: "Answers pong.",
        inputSchema: { type: "object", properties: {} },
        annotations: { readOnlyHint: true },
      },
      { name: "shout", inputSchema: { type: "object", properties: { text: { type: "string" } } } },
    ],
  }));
  server.setRequestHandler(CallToolRequestSchema, () => ({ content: [{ type: "text", text: "pong" }] }));
  return server;
}
