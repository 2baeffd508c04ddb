import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

type Session = {
  server: Server;
  transport: StreamableHTTPServerTransport;
  lastSeenMs: number;
  /** Requests still streaming (e.g. the client's GET stream); a session with one open is not idle. */
  openRequests: number;
};

/**
 * Live MCP sessions by id. SDK clients' close() sends no DELETE, so sessions nobody has used
 * for `idleMs` (and that have no open stream) are closed by a periodic sweep.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    private readonly idleMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.sweepTimer = setInterval(() => this.sweep(), Math.max(10, Math.min(idleMs / 2, 30_000)));
    this.sweepTimer.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  add(id: string, server: Server, transport: StreamableHTTPServerTransport): void {
    this.sessions.set(id, { server, transport, lastSeenMs: Date.now(), openRequests: 0 });
  }

  get(id: string): { server: Server; transport: StreamableHTTPServerTransport } | undefined {
    return this.sessions.get(id);
  }

  servers(): Server[] {
    return [...this.sessions.values()].map((s) => s.server);
  }

  /** Marks a request as started on a session; the returned function marks it finished. */
  track(id: string): () => void {
    const session = this.sessions.get(id);
    if (session === undefined) return () => {};
    session.openRequests += 1;
    session.lastSeenMs = Date.now();
    return () => {
      session.openRequests -= 1;
      session.lastSeenMs = Date.now();
    };
  }

  remove(id: string): void {
    this.sessions.delete(id);
  }

  /** Closes every session and stops the sweep. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweepTimer);
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map((s) => s.server.close()));
  }

  private sweep(): void {
    const cutoff = Date.now() - this.idleMs;
    for (const [id, session] of this.sessions) {
      if (session.openRequests > 0 || session.lastSeenMs > cutoff) continue;
      this.sessions.delete(id);
      session.server.close().catch(this.onError);
    }
  }
}
