const MAX_ENTRIES = 10_000;

/**
 * Counters known to be full until their window resets, so repeated calls against an exhausted
 * limit are denied without a Redis round trip. Conservative: a refund elsewhere is noticed at reset.
 */
export class ExhaustedWindows {
  private readonly resets = new Map<string, number>();

  isExhausted(key: string, nowMs: number): number | undefined {
    const resetAtMs = this.resets.get(key);
    if (resetAtMs === undefined) return undefined;
    if (resetAtMs > nowMs) return resetAtMs;
    this.resets.delete(key);
    return undefined;
  }

  remember(key: string, resetAtMs: number): void {
    // Windows are short-lived; dropping everything when full is simpler than an LRU and stays correct.
    if (this.resets.size >= MAX_ENTRIES) this.resets.clear();
    this.resets.set(key, resetAtMs);
  }

  forget(key: string): void {
    this.resets.delete(key);
  }
}
