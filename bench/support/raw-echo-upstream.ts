// A minimal MCP server over Streamable HTTP, written on node:http without the SDK, for benches: it
// answers initialize, notifications, ping, tools/list and tools/call (`echo`) with plain JSON, so that
// the gateway's own cost per call is not hidden behind a slow upstream. Sessions are ids it hands out
// and forgets on DELETE; it keeps no other state. Run as its own process (the bench measures its CPU):
//   node --import tsx bench/support/raw-echo-upstream.ts <port>   → prints "listening on port <port>"
// Opt-ins for the scale benches (environment of that process): RAW_ECHO_GET_STREAMS=1 holds GET SSE
// streams open (idle) instead of answering 405; RAW_ECHO_EXTRA_TOOLS=<n> lists n more tools (Tool0…)
// after echo, so a tools/list has something for a policy to filter.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const ECHO_TOOL = {
  name: "echo",
  description: "Echoes back the input",
  inputSchema: {
    type: "object",
    properties: { message: { type: "string", description: "Message to echo" } },
    required: ["message"],
  },
};

const EXTRA_TOOLS = Array.from({ length: Number(process.env.RAW_ECHO_EXTRA_TOOLS ?? 0) }, (_, i) => ({
  name: `Tool${i}`,
  description: `Extra tool ${i}`,
  inputSchema: { type: "object", properties: { action: { type: "string" }, vm_name: { type: "string" } } },
}));
const GET_STREAMS = process.env.RAW_ECHO_GET_STREAMS === "1";

type Message = { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };

/** The JSON-RPC answer to one request, or undefined for a notification or response (answered 202). */
export function answer(message: Message): object | undefined {
  if (typeof message.method !== "string" || message.id === undefined) return undefined;
  const params = (typeof message.params === "object" && message.params !== null ? message.params : {}) as {
    protocolVersion?: unknown;
    name?: unknown;
    arguments?: { message?: unknown };
  };
  const reply = (result: object) => ({ jsonrpc: "2.0", id: message.id, result });
  switch (message.method) {
    case "initialize":
      return reply({
        protocolVersion: typeof params.protocolVersion === "string" ? params.protocolVersion : "2025-06-18",
        capabilities: { tools: {} },
        serverInfo: { name: "raw-echo", version: "1.0.0" },
      });
    case "ping":
      return reply({});
    case "tools/list":
      return reply({ tools: [ECHO_TOOL, ...EXTRA_TOOLS] });
    case "tools/call":
      if (params.name !== "echo") break;
      return reply({ content: [{ type: "text", text: `Echo: ${String(params.arguments?.message)}` }] });
  }
  return { jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } };
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === "DELETE") {
    res.writeHead(200).end();
    return;
  }
  if (req.method === "GET" && GET_STREAMS) {
    // An idle server-to-client stream: headers sent, then silent until the client leaves.
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.flushHeaders();
    return;
  }
  // No server-initiated messages, so no GET stream (405 tells an MCP client not to open one).
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST, DELETE" }).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let message: Message;
    try {
      message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Message;
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}');
      return;
    }
    const body = answer(message);
    if (body === undefined) {
      res.writeHead(202).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": "application/json" };
    const session = req.headers["mcp-session-id"];
    if (message.method === "initialize") headers["mcp-session-id"] = randomUUID();
    else if (typeof session === "string") headers["mcp-session-id"] = session;
    res.writeHead(200, headers).end(JSON.stringify(body));
  });
}

/** Starts the server on `port` (0 for any) at 127.0.0.1; resolves with the port it listens on. */
export function startRawEchoUpstream(port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer({ keepAliveTimeout: 60_000 }, handle);
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      resolve({
        port: bound,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port } = await startRawEchoUpstream(Number(process.argv[2] ?? 0));
  console.error(`listening on port ${port}`);
}
