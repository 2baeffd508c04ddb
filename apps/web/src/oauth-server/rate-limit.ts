/** A fixed-window request counter per key, in memory: enough to blunt floods of one OAuth server process. */
export class WindowRateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request; false when the key is over its budget for the current window. */
  take(key: string, nowMs: number): boolean {
    const current = this.windows.get(key);
    if (current === undefined || nowMs - current.startMs >= this.windowMs) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { startMs: nowMs, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= this.max;
  }
}
