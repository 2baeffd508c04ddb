// A lean MCP load generator for the scale benches: JSON-RPC requests POSTed over keep-alive node:http
// sockets on the session wire without a session (the raw echo upstream is stateless), so the load
// generator spends little CPU of the shared cores and thousands of tenants need no handshakes.
import { Agent, request } from "node:http";

export type Reply = { status: number; body: string; sessionId: string | undefined };

export class RawMcpCaller {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;
  private nextId = 1;

  constructor(base: string, sockets: number) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  /**
   * POSTs one JSON-RPC request (a notification when `notify`) and returns the HTTP status, body and the
   * session id the answer carried; `sessionId` sends the request in that session.
   */
  post(
    path: string,
    token: string,
    method: string,
    params: unknown,
    options: { sessionId?: string; notify?: boolean } = {},
  ): Promise<Reply> {
    const message =
      options.notify === true
        ? { jsonrpc: "2.0", method }
        : { jsonrpc: "2.0", id: this.nextId++, method, params };
    const body = JSON.stringify(message);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.host,
          port: this.port,
          path,
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2025-06-18",
            "content-length": Buffer.byteLength(body),
            ...(options.sessionId === undefined ? {} : { "mcp-session-id": options.sessionId }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const sessionId = res.headers["mcp-session-id"];
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              sessionId: typeof sessionId === "string" ? sessionId : undefined,
            });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Calls `echo` and fails loudly unless the upstream's echo came back. */
  async echo(path: string, token: string, message = "bench"): Promise<void> {
    const reply = await this.post(path, token, "tools/call", { name: "echo", arguments: { message } });
    if (reply.status !== 200 || !reply.body.includes(`Echo: ${message}`)) {
      throw new Error(`echo through ${path} failed: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
    }
  }

  /** Opens an MCP session on `path` (initialize, then notifications/initialized) and returns its id. */
  async openSession(path: string, token: string): Promise<string> {
    const reply = await this.post(path, token, "initialize", {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "raw-bench", version: "1.0.0" },
    });
    if (reply.status !== 200 || reply.sessionId === undefined) {
      throw new Error(`initialize on ${path} failed: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
    }
    await this.post(path, token, "notifications/initialized", undefined, {
      sessionId: reply.sessionId,
      notify: true,
    });
    return reply.sessionId;
  }

  close(): void {
    this.agent.destroy();
  }
}
