import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

/** One request exactly as the upstream received it. */
export type RecordedRequest = { method: string; headers: IncomingHttpHeaders; body: Buffer };

export type RecordingUpstream = {
  url: string;
  requests: RecordedRequest[];
  /** Answer tools/list with these raw entries instead of the server's own tools. */
  toolsListOverride: unknown[] | null;
  /** JSON-RPC messages a resumed GET stream (Last-Event-ID) replays. */
  replay: unknown[];
  /** When set, a resumed GET stream sends its headers at once and its messages only once this settles. */
  replayGate: Promise<void> | null;
  /** The JSON-RPC messages of every POST body received, parsed. */
  rpcMessages(): { method?: string; params?: Record<string, unknown> }[];
  close(): Promise<void>;
};

/**
 * A real MCP server (SDK McpServer, stateless Streamable HTTP) with tools, resources, a template,
 * prompts and completions, that records the raw bytes and headers of every request it receives.
 */
export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const upstream: RecordingUpstream = {
    url: "",
    requests: [],
    toolsListOverride: null,
    replay: [],
    replayGate: null,
    rpcMessages: () =>
      upstream.requests
        .filter((request) => request.method === "POST")
        .flatMap((request) => {
          const parsed: unknown = JSON.parse(request.body.toString("utf8"));
          return (Array.isArray(parsed) ? parsed : [parsed]) as {
            method?: string;
            params?: Record<string, unknown>;
          }[];
        }),
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    upstream.requests.push({ method: req.method ?? "?", headers: { ...req.headers }, body });
    if (req.method === "GET") {
      await answerGet(res, req.headers["last-event-id"], upstream.replay, upstream.replayGate);
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    const message: unknown = JSON.parse(body.toString("utf8"));
    const asRecord = message as { method?: unknown; id?: unknown };
    if (asRecord.method === "tools/list" && upstream.toolsListOverride !== null) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ jsonrpc: "2.0", id: asRecord.id, result: { tools: upstream.toolsListOverride } }),
      );
      return;
    }
    const mcp = buildServer();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, message);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  upstream.url = `http://127.0.0.1:${port}/mcp`;
  upstream.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return upstream;
}

// A resumed stream replays what the client missed, as a server with an event store does.
async function answerGet(
  res: ServerResponse,
  lastEventId: string | string[] | undefined,
  replay: unknown[],
  gate: Promise<void> | null,
): Promise<void> {
  if (lastEventId === undefined) {
    res.writeHead(405).end();
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  await gate;
  replay.forEach((message, index) => {
    res.write(`id: replayed-${index}\ndata: ${JSON.stringify(message)}\n\n`);
  });
  res.end();
}

function buildServer(): McpServer {
  const mcp = new McpServer(
    { name: "recording-upstream", version: "1.0.0" },
    { capabilities: { resources: { subscribe: true }, completions: {} } },
  );
  const text = (value: string) => ({ content: [{ type: "text" as const, text: value }] });
  mcp.registerTool(
    "ReadThing",
    { description: "Reads a thing.", inputSchema: { id: z.string().optional() } },
    () => text("read ok"),
  );
  mcp.registerTool(
    "DeleteThing",
    { description: "Deletes a thing.", inputSchema: { id: z.string().optional() } },
    () => text("DELETED"),
  );
  mcp.registerResource("readme", "file:///public/readme.md", { mimeType: "text/markdown" }, (uri) => ({
    contents: [{ uri: uri.href, text: "# public readme" }],
  }));
  mcp.registerResource("passwd", "file:///etc/passwd", { mimeType: "text/plain" }, (uri) => ({
    contents: [{ uri: uri.href, text: "root:x:0:0:SECRET" }],
  }));
  mcp.registerResource(
    "logs",
    new ResourceTemplate("file:///logs/{name}", {
      list: undefined,
      complete: { name: () => ["secret-audit.log", "app.log"] },
    }),
    { mimeType: "text/plain" },
    (uri) => ({ contents: [{ uri: uri.href, text: "SECRET LOG LINE" }] }),
  );
  mcp.registerResource(
    "docs",
    new ResourceTemplate("file:///public/docs/{page}", {
      list: undefined,
      complete: { page: () => ["intro"] },
    }),
    { mimeType: "text/plain" },
    (uri) => ({ contents: [{ uri: uri.href, text: "docs" }] }),
  );
  mcp.registerPrompt("greeting", { argsSchema: { who: z.string() } }, ({ who }) => ({
    messages: [{ role: "user", content: { type: "text", text: `hello ${who}` } }],
  }));
  mcp.registerPrompt("secret_prompt", { argsSchema: { topic: z.string() } }, ({ topic }) => ({
    messages: [{ role: "user", content: { type: "text", text: `SECRET PROMPT about ${topic}` } }],
  }));
  return mcp;
}
