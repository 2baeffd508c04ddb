import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a stateless upstream received: its routing headers and its JSON-RPC body. */
export type ReceivedRequest = {
  method: string;
  mcpMethod: string | undefined;
  mcpName: string | undefined;
  protocolVersion: string | undefined;
  params: Record<string, unknown>;
};

export type StatelessUpstream = {
  url: string;
  received: ReceivedRequest[];
  /** The tools/call requests it received, in order. */
  calls(): ReceivedRequest[];
  close(): Promise<void>;
};

export const STATELESS_VERSION = "2026-07-28";

const TOOLS = ["read_file", "write_file", "delete_file", "confirm_wipe", "format_disk"].map((name) => ({
  name,
  description: `${name} (stateless test tool)`,
  inputSchema: { type: "object", properties: { path: { type: "string" } } },
}));

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

/**
 * A minimal MCP 2026-07-28 (stateless) server written from the spec, recording every request. Like a
 * strict upstream it refuses requests without matching Mcp-Method / Mcp-Name headers (-32020). Tools
 * echo their name and arguments; `confirm_wipe` first answers with an InputRequiredResult carrying a
 * requestState, and completes when re-sent with the input response and that state.
 */
export async function startStatelessUpstream(): Promise<StatelessUpstream> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const method = String(body.method);
      const params = (body.params ?? {}) as Record<string, unknown>;
      const entry: ReceivedRequest = {
        method,
        mcpMethod: header(req, "mcp-method"),
        mcpName: header(req, "mcp-name"),
        protocolVersion: header(req, "mcp-protocol-version"),
        params,
      };
      received.push(entry);
      const reply = (status: number, payload: Record<string, unknown>) =>
        res
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify({ jsonrpc: "2.0", id: body.id, ...payload }));
      if (body.id === undefined) return void res.writeHead(202).end();
      const expectedName = method === "tools/call" ? params.name : undefined;
      if (entry.mcpMethod !== method || (expectedName !== undefined && entry.mcpName !== expectedName)) {
        return reply(400, { error: { code: -32020, message: "HeaderMismatch" } });
      }
      const complete = (result: Record<string, unknown>) =>
        reply(200, { result: { resultType: "complete", ...result } });
      switch (method) {
        case "server/discover":
          return complete({
            supportedVersions: [STATELESS_VERSION],
            capabilities: { tools: {} },
            ttlMs: 60_000,
            cacheScope: "public",
            _meta: { "io.modelcontextprotocol/serverInfo": { name: "stateless-test", version: "1.0.0" } },
          });
        case "tools/list":
          return complete({ tools: TOOLS, ttlMs: 300_000, cacheScope: "public" });
        case "tools/call":
          return callTool(params, complete);
        default:
          return reply(200, { error: { code: -32601, message: `Method not found: ${method}` } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    received,
    calls: () => received.filter((request) => request.method === "tools/call"),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function callTool(
  params: Record<string, unknown>,
  complete: (result: Record<string, unknown>) => void,
): void {
  const text = JSON.stringify({ tool: params.name, arguments: params.arguments ?? {} });
  if (params.name === "confirm_wipe" && params.inputResponses === undefined) {
    complete({
      resultType: "input_required",
      inputRequests: {
        confirm: {
          method: "elicitation/create",
          params: {
            message: "Really wipe?",
            requestedSchema: { type: "object", properties: { sure: { type: "boolean" } } },
          },
        },
      },
      requestState: "opaque-state-v1.c2lnbmVk",
    });
    return;
  }
  complete({ content: [{ type: "text", text }] });
}
