import type { UpstreamTarget } from "../cache/cached-types";
import type { Clock } from "../http/gateway-services";

type TrackedSession = { target: UpstreamTarget; upstreamId: string; lastSeenMs: number; active: number };

const MAX_TRACKED = 100_000;

/**
 * Ends upstream sessions that clients abandoned. MCP clients often just disconnect (the SDK's close()
 * sends no DELETE), and an upstream that keeps every session slows down; so after `idleMs` without a
 * request or an open stream, the gateway sends the DELETE itself.
 */
export class SessionReaper {
  private readonly sessions = new Map<string, TrackedSession>();

  constructor(
    private readonly idleMs: number,
    private readonly clock: Clock,
    private readonly terminate: (target: UpstreamTarget, upstreamId: string) => Promise<void>,
  ) {}

  /** Marks a session busy until the returned function is called (when its request or stream ends). */
  begin(target: UpstreamTarget, upstreamId: string): () => void {
    const nowMs = this.clock.now();
    const key = `${target.origin}${target.path}|${upstreamId}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      if (this.sessions.size >= MAX_TRACKED) return () => {};
      session = { target, upstreamId, lastSeenMs: nowMs, active: 0 };
      this.sessions.set(key, session);
    }
    const tracked = session;
    tracked.active += 1;
    tracked.lastSeenMs = nowMs;
    return () => {
      tracked.active -= 1;
      tracked.lastSeenMs = this.clock.now();
    };
  }

  /** Stops tracking a session the client ended itself. */
  forget(target: UpstreamTarget, upstreamId: string): void {
    this.sessions.delete(`${target.origin}${target.path}|${upstreamId}`);
  }

  /** Ends every idle session; returns how many were ended. */
  sweep(): number {
    const nowMs = this.clock.now();
    let ended = 0;
    for (const [key, session] of this.sessions) {
      if (session.active > 0 || nowMs - session.lastSeenMs < this.idleMs) continue;
      this.sessions.delete(key);
      ended += 1;
      void this.terminate(session.target, session.upstreamId);
    }
    return ended;
  }

  get size(): number {
    return this.sessions.size;
  }
}
