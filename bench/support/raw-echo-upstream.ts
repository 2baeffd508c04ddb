// A minimal, fast MCP upstream on raw node:http (no SDK): stateless Streamable HTTP answering
// initialize, tools/list and tools/call `echo` with application/json, and holding GET SSE streams
// open (idle). Benches put it behind the gateway so the gateway's own cost is not hidden behind a
// slow upstream. Run as a process: `node --import tsx bench/support/raw-echo-upstream.ts [port]`
// (prints "raw echo upstream listening on port N" to stderr), or import startRawEchoUpstream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";

export type RawEchoUpstream = {
  url: string;
  port: number;
  /** GET SSE streams open now. */
  openStreams(): number;
  close(): Promise<void>;
};

const TOOLS = [
  {
    name: "echo",
    description: "Echoes back the message",
    inputSchema: {
      type: "object",
      properties: { message: { type: "string" } },
      required: ["message"],
    },
  },
];

type Message = { jsonrpc?: unknown; id?: string | number; method?: string; params?: Record<string, unknown> };

function answer(message: Message): unknown {
  switch (message.method) {
    case "initialize":
      return {
        protocolVersion:
          typeof message.params?.protocolVersion === "string" ? message.params.protocolVersion : "2025-06-18",
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: "raw-echo", version: "1.0.0" },
      };
    case "tools/list":
      return { tools: TOOLS };
    case "tools/call": {
      const args = (message.params?.arguments ?? {}) as Record<string, unknown>;
      return { content: [{ type: "text", text: `Echo: ${String(args.message ?? "")}` }] };
    }
    case "ping":
      return {};
    default:
      return undefined;
  }
}

function handlePost(body: string, res: ServerResponse): void {
  let message: Message;
  try {
    message = JSON.parse(body) as Message;
  } catch {
    res.writeHead(400, { "content-type": "application/json" });
    res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}');
    return;
  }
  if (message.id === undefined) {
    // A notification or a response to the server: accepted, nothing to answer.
    res.writeHead(202);
    res.end();
    return;
  }
  const result = answer(message);
  const reply =
    result === undefined
      ? {
          jsonrpc: "2.0",
          id: message.id,
          error: { code: -32601, message: `Method not found: ${message.method}` },
        }
      : { jsonrpc: "2.0", id: message.id, result };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(reply));
}

/** Starts the upstream on 127.0.0.1 (port 0: any free port). */
export function startRawEchoUpstream(port = 0): Promise<RawEchoUpstream> {
  const streams = new Set<ServerResponse>();
  const server: Server = createServer({ keepAliveTimeout: 65_000 }, (req: IncomingMessage, res) => {
    if (req.method === "POST") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => handlePost(Buffer.concat(chunks).toString("utf8"), res));
      return;
    }
    if (req.method === "GET") {
      // An idle server-to-client stream: opened, then silent until the client leaves.
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.flushHeaders();
      streams.add(res);
      res.on("close", () => streams.delete(res));
      return;
    }
    if (req.method === "DELETE") {
      res.writeHead(200);
      res.end();
      return;
    }
    res.writeHead(405, { allow: "GET, POST, DELETE" });
    res.end();
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 0;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${bound}/mcp`,
        port: bound,
        openStreams: () => streams.size,
        close: () =>
          new Promise<void>((done) => {
            for (const stream of streams) stream.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const upstream = await startRawEchoUpstream(Number(process.argv[2] ?? process.env.PORT ?? 0));
  process.stderr.write(`raw echo upstream listening on port ${upstream.port}\n`);
  const stop = () => {
    void upstream.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
