import type { ServerResponse } from "node:http";

// Responses whose SSE stream the gateway opened itself (not an upstream's stream it relays).
const opened = new WeakSet<ServerResponse>();

/**
 * The SSE stream a tools/call answers on once the gateway itself has something to say before the
 * answer (progress while the call is held, a question for the user). Opened on first use; the
 * call's final answer then goes on it too (relayResponse and sendError see the open stream).
 */
export class CallStream {
  constructor(
    private readonly res: ServerResponse,
    private readonly sessionHeader: string | undefined,
  ) {}

  /** Whether the gateway may still write on the stream (the client has not gone, nothing ended it). */
  get writable(): boolean {
    return !this.res.writableEnded && !this.res.destroyed;
  }

  /** Sends one JSON-RPC message as an SSE event, opening the stream first if needed. */
  send(message: Record<string, unknown>): void {
    if (!this.writable) return;
    if (!this.res.headersSent) {
      this.res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        ...(this.sessionHeader === undefined ? {} : { "mcp-session-id": this.sessionHeader }),
      });
      opened.add(this.res);
    }
    this.res.write(sseEvent(JSON.stringify(message)));
  }
}

/** One SSE `message` event carrying a JSON-RPC message (a multi-line body becomes several data lines). */
export function sseEvent(json: string): string {
  return `event: message\n${json
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join("")}\n`;
}

/** Whether the gateway opened this response's SSE stream itself (so a final message must be an event). */
export function isCallStream(res: ServerResponse): boolean {
  return opened.has(res);
}
