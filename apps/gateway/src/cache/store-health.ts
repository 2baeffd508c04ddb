import type { Logger } from "pino";

export type StoreState = "ok" | "degraded";

/**
 * Whether Postgres answers the gateway's lookups, shared by every cache. After a failed load the store
 * counts as down: cached entries are served (stale if need be) without waiting on it, new keys fail fast
 * with 503, and one probe load per `retryMs` checks whether it is back; the first successful load heals it.
 */
export class StoreHealth {
  private down = false;
  private nextProbeAt = 0;

  constructor(
    private readonly logger: Logger,
    private readonly retryMs = 1_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  isDown(): boolean {
    return this.down;
  }

  /** While down: true at most once per `retryMs`, for the one load that probes the database. */
  takeProbe(): boolean {
    const now = this.now();
    if (now < this.nextProbeAt) return false;
    this.nextProbeAt = now + this.retryMs;
    return true;
  }

  failed(error: unknown): void {
    this.nextProbeAt = this.now() + this.retryMs;
    if (this.down) return;
    this.down = true;
    this.logger.error({ err: error }, "postgres degraded: serving cached entries");
  }

  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.warn("postgres recovered");
  }

  state(): StoreState {
    return this.down ? "degraded" : "ok";
  }
}
