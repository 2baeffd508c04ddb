import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";

export type JsonUpstream = { url: string; calls: () => number; close(): Promise<void> };

const TOOLS = ["greet", "explode", "secret"].map((name) => ({
  name,
  description: `The ${name} tool.`,
  inputSchema: { type: "object" as const, properties: {} },
}));

/**
 * A stateless MCP server answering with plain application/json (no SSE), built on the SDK:
 * `greet` works, `explode` fails with a JSON-RPC error.
 */
export async function startJsonUpstream(): Promise<JsonUpstream> {
  let calls = 0;
  const httpServer = createServer(async (req, res) => {
    const server = new Server({ name: "json-upstream", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      calls += 1;
      if (request.params.name === "explode") throw new McpError(ErrorCode.InternalError, "the tool exploded");
      return { content: [{ type: "text", text: `hello from ${request.params.name}` }] };
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", () => resolve()));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    calls: () => calls,
    async close() {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
