import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

export type LongNameUpstream = { url: string; toolName: string; calls: string[]; close(): Promise<void> };

/** A stateless SDK upstream with one tool whose name has 70 characters; it records the names it was called with. */
export async function startLongNameUpstream(): Promise<LongNameUpstream> {
  const toolName = `summarise_${"quarterly_".repeat(5)}${"x".repeat(10)}`;
  const calls: string[] = [];
  const http = createServer((req, res) => {
    const server = new McpServer({ name: "long-names", version: "1.0.0" });
    server.registerTool(toolName, { description: "A tool with a 70-character name" }, async () => {
      calls.push(toolName);
      return { content: [{ type: "text", text: "long-named tool ran" }] };
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => void server.close());
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    toolName,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
